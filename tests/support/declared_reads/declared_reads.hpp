// Whether each KPI of an indicator reads only the dataset columns it
// declares (`Kpi::reading`, the descriptor's vigie_output.reads), and
// whether a fixture is rich enough to tell. The engine reads, types and
// interns only the declared columns of the asked KPIs; a KPI that reads
// another would silently change when that column is not read. So a KPI,
// asked alone, must give the same output on the full tables as on tables
// where every column it does not declare is nulls, and, for the fixture to
// prove anything, nulling any one column it declares must change it.
//
//   const IndicatorCase c{"self_care", parameters, tables, periods, 1};
//   for (const KpiReads& kpi : declared_reads("self_care")) {
//     if (auto why = reads_beyond_its_declaration(c, kpi))
//       ADD_FAILURE() << *why;
//     EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi), IsEmpty());
//   }
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/run_indicator.hpp"

namespace vigie::testing {

// A fixed sequence of pseudo-random numbers (a 64-bit LCG) from `seed`:
// the same rich fixture every run.
class Draw {
 public:
  explicit Draw(uint64_t seed) : state_(seed) {}
  int64_t below(int64_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int64_t>((state_ >> 33) % static_cast<uint64_t>(n));
  }
  template <class T, size_t N>
  T pick(T (&from)[N]) {
    return from[below(N)];
  }

 private:
  uint64_t state_;
};

// One output of a plugin's descriptor and the columns it declares it reads,
// "dataset.column" or "dataset.*".
struct KpiReads {
  std::string kpi;
  std::vector<std::string> reads;
};
std::vector<KpiReads> declared_reads(const std::string& plugin);

// `tables` with every column that `reads` does not name left out, as the
// run's projection lends them (docs/architecture.md, "Projection"): a KPI
// that looks up an undeclared column fails, one that reads it where it is
// optional gives another output.
NamedTables keep_only(const NamedTables& tables,
                      const std::vector<std::string>& reads);

// `tables` with the columns `read` names (one "dataset.column" or a whole
// "dataset.*") replaced by columns of the same name, type and length
// holding only nulls (a dictionary column's dictionary emptied too), every
// other one kept: present but empty, so that a column only looked up, never
// used, is shown as not needed.
NamedTables without(const NamedTables& tables, const std::string& read);

// Everything a run gave for one KPI as text (each period's value, or the
// table's cells, and its notes), or the error the run failed with: two
// outputs are the same when their texts are.
std::string output_text(const std::string& plugin,
                        const std::map<std::string, std::string>& parameters,
                        const NamedTables& tables,
                        const std::vector<vigie_period>& periods,
                        uint32_t current, const std::string& kpi);

struct IndicatorCase {
  std::string plugin;
  std::map<std::string, std::string> parameters;
  NamedTables tables;
  std::vector<vigie_period> periods;
  uint32_t current = 0;
};

// Why `kpi` reads more than it declares (its output on the full tables,
// then on keep_only(tables, its reads)), or nothing when both are the same.
std::optional<std::string> reads_beyond_its_declaration(const IndicatorCase& c,
                                                        const KpiReads& kpi);

// The columns `kpi` declares whose nulling alone leaves its output as it
// is: declared but not needed, or a fixture too poor to show they are.
std::vector<std::string> declarations_the_fixture_cannot_show(
    const IndicatorCase& c, const KpiReads& kpi);

}  // namespace vigie::testing
