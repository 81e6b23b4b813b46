// One compute of the experience indicator (KPI-CATALOG.md section 7): the
// answers of `surveys` and the post-call csat of inbound `calls` (step
// `support`, channel `phone`), tallied by period and by (step, channel)
// cell of P and P', and the touchpoint volume of P. Each pass runs at most
// once and only when an asked KPI needs it; columns are looked up when a
// pass runs, and an optional column that is absent counts as empty.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "experience_parameters.hpp"
#include "vigie/sdk.hpp"

namespace vigie::experience {

using namespace sdk::kernels;

inline constexpr std::string_view kCallStep = "support";
inline constexpr std::string_view kCallChannel = "phone";

// The answers of a period or of a cell.
struct Answers {
  int64_t answers = 0;       // with a csat or an nps
  int64_t csat_answers = 0;  // csat 1..5
  int64_t satisfied = 0;     // csat 4 or 5
  int64_t nps_answers = 0;   // nps 0..10
  int64_t promoters = 0;     // nps 9 or 10
  int64_t detractors = 0;    // nps 0 to 6

  // Either score may be absent; out-of-range scores count as absent.
  void add(std::optional<int64_t> csat, std::optional<int64_t> nps);
  Answers& operator+=(const Answers& other);
  std::optional<double> csat() const {
    return safe_ratio(satisfied, csat_answers);
  }
  std::optional<double> nps() const;
};

// The steps and channels the matrix can have, known before any row is
// tallied: the spec's steps in their order, then the other steps the data
// names, by name; channels by name. A name only in a dictionary makes no
// row: the tables show the cells with answers or volume.
class Vocabulary {
 public:
  Vocabulary(const std::vector<std::string>& spec_steps,
             std::vector<std::string> other_steps,
             std::vector<std::string> channels);
  // The index of a name, or -1.
  int32_t step(std::string_view name) const;
  int32_t channel(std::string_view name) const;
  int32_t step_count() const { return static_cast<int32_t>(steps_.size()); }
  int32_t channel_count() const {
    return static_cast<int32_t>(channels_.size());
  }
  const std::string& step_name(int32_t s) const {
    return steps_[static_cast<size_t>(s)];
  }
  const std::string& channel_name(int32_t c) const {
    return channels_[static_cast<size_t>(c)];
  }
  int32_t cell(int32_t step, int32_t channel) const {
    return step * channel_count() + channel;
  }
  int32_t cell_count() const { return step_count() * channel_count(); }
  // For each code of a dictionary column (absent: none), the index its text
  // has by `index_of`, or -1.
  template <class IndexOf>
  static std::vector<int32_t> codes(const ColumnView* column,
                                    IndexOf index_of) {
    std::vector<int32_t> out;
    if (column == nullptr) return out;
    if (column->type() != Type::Dictionary)
      throw std::runtime_error("column '" + column->name() +
                               "' must be a dictionary-encoded text column");
    out.resize(static_cast<size_t>(column->dictionary_size()));
    for (int32_t c = 0; c < column->dictionary_size(); ++c)
      out[static_cast<size_t>(c)] = index_of(column->dictionary_at(c));
    return out;
  }

 private:
  std::vector<std::string> steps_;
  std::vector<std::string> channels_;
};

// The answers of every period, and of every cell of P and P'.
struct AnswerTally {
  std::vector<Answers> by_period;
  // cells[slot][step * channels + channel]; slot 0 is P, slot 1 is P'.
  std::vector<Answers> cells[2];
};

struct Run;
// touchpoint_volume.cpp: sessions, inbound calls and purchases of P at
// each (step, channel) cell of the run's vocabulary.
std::vector<int64_t> touchpoint_volume(Run& run);

struct Run : sdk::Compute<ExperienceParameters> {
  using Compute::Compute;

  int32_t period_count() const {
    return static_cast<int32_t>(request.periods.size());
  }
  int32_t current() const { return static_cast<int32_t>(request.current); }
  // The period before P, or -1 when P is the first.
  int32_t previous() const { return current() - 1; }

  // The steps and channels of the surveys, of the calls (support, phone)
  // and of the volume.
  const Vocabulary& vocabulary();
  // The answers, by period and (when steps and channels are read) by cell.
  const AnswerTally& answers();
  const std::vector<int64_t>& volume() {
    return volume_.get([&] { return touchpoint_volume(*this); });
  }
  // A column of an optional dataset, or nullptr.
  static const ColumnView* column(const TableView* table,
                                  std::string_view name) {
    return table == nullptr ? nullptr : table->find(name);
  }

 private:
  sdk::Lazy<Vocabulary> vocabulary_;
  sdk::Lazy<AnswerTally> answers_;
  sdk::Lazy<std::vector<int64_t>> volume_;
};

// The KPIs (experience_tables.cpp): nps and csat of every period; the
// tables of P.
using sdk::Series;
Series nps(Run& run);
Series csat(Run& run);
Table touchpoints(Run& run);
Table irritants(Run& run);
Table journey_curve(Run& run);

}  // namespace vigie::experience
