#include "experience_run.hpp"

#include <algorithm>

namespace vigie::experience {

void Answers::add(std::optional<int64_t> csat, std::optional<int64_t> nps) {
  if (csat && (*csat < 1 || *csat > 5)) csat.reset();
  if (nps && (*nps < 0 || *nps > 10)) nps.reset();
  if (!csat && !nps) return;
  ++answers;
  if (csat) {
    ++csat_answers;
    if (*csat >= 4) ++satisfied;
  }
  if (nps) {
    ++nps_answers;
    if (*nps >= 9) ++promoters;
    if (*nps <= 6) ++detractors;
  }
}

Answers& Answers::operator+=(const Answers& other) {
  answers += other.answers;
  csat_answers += other.csat_answers;
  satisfied += other.satisfied;
  nps_answers += other.nps_answers;
  promoters += other.promoters;
  detractors += other.detractors;
  return *this;
}

std::optional<double> Answers::nps() const {
  if (nps_answers == 0) return std::nullopt;
  return 100.0 * static_cast<double>(promoters - detractors) /
         static_cast<double>(nps_answers);
}

Vocabulary::Vocabulary(const std::vector<std::string>& spec_steps,
                       std::vector<std::string> other_steps,
                       std::vector<std::string> channels)
    : steps_(spec_steps), channels_(std::move(channels)) {
  std::sort(other_steps.begin(), other_steps.end());
  for (auto& step : other_steps)
    if (std::find(steps_.begin(), steps_.end(), step) == steps_.end())
      steps_.push_back(std::move(step));
  std::sort(channels_.begin(), channels_.end());
  channels_.erase(std::unique(channels_.begin(), channels_.end()),
                  channels_.end());
}

int32_t Vocabulary::step(std::string_view name) const {
  auto it = std::find(steps_.begin(), steps_.end(), name);
  return it == steps_.end() ? -1 : static_cast<int32_t>(it - steps_.begin());
}

int32_t Vocabulary::channel(std::string_view name) const {
  auto it = std::lower_bound(channels_.begin(), channels_.end(), name);
  return it == channels_.end() || *it != name
             ? -1
             : static_cast<int32_t>(it - channels_.begin());
}

namespace {

void add_dictionary(std::vector<std::string>& names, const ColumnView* column) {
  if (column == nullptr) return;
  if (column->type() != Type::Dictionary)
    throw std::runtime_error("column '" + column->name() +
                             "' must be a dictionary-encoded text column");
  for (int32_t c = 0; c < column->dictionary_size(); ++c)
    names.emplace_back(column->dictionary_at(c));
}

std::optional<int64_t> int_at(const ColumnView* column, int64_t row) {
  if (column == nullptr || !column->is_valid(row)) return std::nullopt;
  return column->ints()[row];
}

// Calls are inbound unless their direction says otherwise (DATA-MODEL.md).
bool inbound(const ColumnView* direction, int64_t row) {
  return direction == nullptr || !direction->is_valid(row) ||
         direction->string_at(row) == "inbound";
}

}  // namespace

const Vocabulary& Run::vocabulary() {
  return vocabulary_.get([&] {
    const TableView* surveys = request.dataset("surveys");
    const TableView* calls = request.dataset("calls");
    std::vector<std::string> steps, channels;
    add_dictionary(steps, column(surveys, "step"));
    add_dictionary(channels, column(surveys, "channel"));
    if (column(calls, "started_at") != nullptr) {
      steps.emplace_back(kCallStep);
      channels.emplace_back(kCallChannel);
    }
    // Web sessions are `web` or `app` (KPI-CATALOG.md 8b); purchases keep
    // their order channel. Only names: a cell appears when it has answers
    // or volume.
    channels.emplace_back("web");
    channels.emplace_back("app");
    add_dictionary(channels, column(request.dataset("orders"), "channel"));
    return Vocabulary(parameters.journey_steps, std::move(steps),
                      std::move(channels));
  });
}

const AnswerTally& Run::answers() {
  return answers_.get([&] {
    const Vocabulary& words = vocabulary();
    AnswerTally tally;
    tally.by_period.resize(static_cast<size_t>(period_count()));
    for (auto& slot : tally.cells)
      slot.resize(static_cast<size_t>(words.cell_count()));
    const PeriodIndex periods(request.periods);
    // The cell slot of a period: 0 for P, 1 for P', -1 otherwise.
    auto slot_of = [&](int32_t p) {
      return p == current() ? 0 : (p != kNone && p == previous() ? 1 : -1);
    };

    const TableView& surveys = request.required("surveys");
    const ColumnView* csat = surveys.find("csat");
    const ColumnView* nps = surveys.find("nps");
    const ColumnView* step = surveys.find("step");
    const ColumnView* channel = surveys.find("channel");
    const std::vector<int32_t> step_of = Vocabulary::codes(
        step, [&](std::string_view s) { return words.step(s); });
    const std::vector<int32_t> channel_of = Vocabulary::codes(
        channel, [&](std::string_view c) { return words.channel(c); });
    const std::vector<int32_t> survey_period =
        periods.assign(surveys.column("ts"));
    for (int64_t row = 0; row < surveys.rows(); ++row) {
      const int32_t p = survey_period[static_cast<size_t>(row)];
      if (p == kNone) continue;
      const auto c = int_at(csat, row);
      const auto n = int_at(nps, row);
      tally.by_period[static_cast<size_t>(p)].add(c, n);
      const int32_t slot = slot_of(p);
      // An answer without a step or a channel has no cell.
      if (slot < 0 || step_of.empty() || channel_of.empty() ||
          !step->is_valid(row) || !channel->is_valid(row))
        continue;
      const int32_t s = step_of[static_cast<size_t>(step->codes()[row])];
      const int32_t ch = channel_of[static_cast<size_t>(channel->codes()[row])];
      tally.cells[slot][static_cast<size_t>(words.cell(s, ch))].add(c, n);
    }

    // Post-call surveys: a csat answer of step support, channel phone.
    const TableView* calls = request.dataset("calls");
    const ColumnView* started = column(calls, "started_at");
    const ColumnView* call_csat = column(calls, "csat");
    if (started == nullptr || call_csat == nullptr) return tally;
    const ColumnView* direction = column(calls, "direction");
    const int32_t call_cell =
        words.cell(words.step(kCallStep), words.channel(kCallChannel));
    const std::vector<int32_t> call_period = periods.assign(*started);
    for (int64_t row = 0; row < calls->rows(); ++row) {
      const int32_t p = call_period[static_cast<size_t>(row)];
      if (p == kNone || !call_csat->is_valid(row) || !inbound(direction, row))
        continue;
      const auto c = int_at(call_csat, row);
      tally.by_period[static_cast<size_t>(p)].add(c, std::nullopt);
      if (const int32_t slot = slot_of(p); slot >= 0)
        tally.cells[slot][static_cast<size_t>(call_cell)].add(c, std::nullopt);
    }
    return tally;
  });
}

}  // namespace vigie::experience
