// KPIs declared once (vigie/sdk/kpi.hpp): the descriptor's outputs made
// from the declarations, the adapter computing only the asked KPIs, a
// shared pass made at most once a compute and only when needed, and the
// check of a table against its declared columns.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vigie/sdk.hpp"

namespace {

namespace sdk = vigie::sdk;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using vigie::Type;

struct Params {
  int64_t factor = 0;
};
constexpr sdk::Option<Params> kOptions[] = {
    sdk::field<&Params::factor>("factor", "2", "multiplies").at_least(1)};

// How many times each pass ran, over all computes of a test.
struct Passes {
  int events = 0;
  int listing = 0;
};
Passes passes;

struct Run : sdk::Compute<Params> {
  using Compute::Compute;
  // A pass over "the data" that two value KPIs share.
  const std::vector<double>& events() {
    return events_.get([&] {
      ++passes.events;
      std::vector<double> out;
      for (size_t p = 0; p < request.periods.size(); ++p)
        out.push_back(static_cast<double>(p + 1));
      return out;
    });
  }

 private:
  sdk::Lazy<std::vector<double>> events_;
};

std::optional<double> visits(Run& run, uint32_t period) {
  return run.events()[period];
}
std::optional<double> scaled(Run& run, uint32_t period) {
  return run.events()[period] * static_cast<double>(run.parameters.factor);
}
std::optional<double> nothing(Run&, uint32_t) { return std::nullopt; }
vigie::Table listing(Run& run) {
  ++passes.listing;
  vigie::Table t;
  t.add("name", Type::String).push_string(run.kpi);
  t.add("amount", Type::Decimal).push_int(10000);
  return t;
}

constexpr const char* kReads[] = {"web_events.ts", "sessions.*"};
constexpr vigie_column kListingColumns[] = {
    sdk::column("name", Type::String),
    sdk::column("amount", Type::Decimal, "currency")};

constexpr sdk::Kpi<Run> kKpis[] = {
    sdk::value_kpi<Run>("visits", "Visits", "count", "sessions", &visits)
        .reading(kReads),
    sdk::value_kpi<Run>("scaled", "Scaled", "count", "visits x factor", &scaled)
        .lower_is_better(),
    sdk::value_kpi<Run>("nothing", "Nothing", "", "never a value", &nothing)
        .neither_is_better(),
    sdk::table_kpi<Run>(VIGIE_OUTPUT_LIST, "listing", "Listing", "", "one row",
                        kListingColumns, &listing),
};

constexpr auto kOutputs = sdk::output_entries(kKpis);

// Named here: inside a test body `Run` is testing::Test::Run.
using TestIndicator = sdk::KpiIndicator<Run, kOptions, kKpis>;

TEST(SdkKpis, TheDescriptorsOutputsComeFromTheDeclarations) {
  ASSERT_EQ(kOutputs.size(), 4u);
  EXPECT_STREQ(kOutputs[0].id, "visits");
  EXPECT_EQ(kOutputs[0].kind, VIGIE_OUTPUT_VALUE);
  EXPECT_STREQ(kOutputs[0].label, "Visits");
  EXPECT_STREQ(kOutputs[0].unit, "count");
  EXPECT_EQ(kOutputs[0].better, VIGIE_BETTER_HIGHER);
  ASSERT_EQ(kOutputs[0].read_count, 2u);
  EXPECT_STREQ(kOutputs[0].reads[1], "sessions.*");
  EXPECT_EQ(kOutputs[0].column_count, 0u);
  EXPECT_EQ(kOutputs[1].better, VIGIE_BETTER_LOWER);
  EXPECT_EQ(kOutputs[1].read_count, 0u);
  EXPECT_EQ(kOutputs[2].better, VIGIE_BETTER_NEITHER);
  EXPECT_EQ(kOutputs[3].kind, VIGIE_OUTPUT_LIST);
  ASSERT_EQ(kOutputs[3].column_count, 2u);
  EXPECT_STREQ(kOutputs[3].columns[1].name, "amount");
  EXPECT_EQ(kOutputs[3].columns[1].type, VIGIE_COLUMN_DECIMAL);
  EXPECT_STREQ(kOutputs[3].columns[1].unit, "currency");
  EXPECT_EQ(kOutputs[3].columns[0].struct_size, sizeof(vigie_column));
}

// What the adapter hands the sink.
struct Collected {
  std::map<std::string, std::vector<std::optional<double>>> values;
  std::map<std::string, int> tables;
};

void on_value(void* ctx, const char* kpi, uint32_t period, int32_t has,
              double v) {
  auto& series = static_cast<Collected*>(ctx)->values[kpi];
  series.resize(std::max<size_t>(series.size(), period + 1));
  series[period] = has ? std::optional<double>(v) : std::nullopt;
}
void on_table(void* ctx, const char* kpi, ArrowSchema* schema,
              ArrowArray* array) {
  ++static_cast<Collected*>(ctx)->tables[kpi];
  array->release(array);
  schema->release(schema);
}
void on_note(void*, const char*, const char*) {}

template <class Indicator = TestIndicator>
Collected compute(std::vector<std::string> kpis,
                  std::map<std::string, std::string> parameters = {}) {
  Indicator indicator{sdk::Config(std::move(parameters))};
  Collected out;
  vigie_result_sink sink{sizeof sink, &out,     &on_value,
                         &on_table,   &on_note, nullptr};
  sdk::Request request;
  request.periods = {{0, 10}, {10, 20}, {20, 30}};
  request.current = 2;
  request.kpis = std::move(kpis);
  indicator.compute(request, sdk::Sink(&sink));
  return out;
}

TEST(SdkKpis, OnlyTheAskedKpisAreComputed) {
  passes = {};
  Collected out = compute({"scaled"}, {{"factor", "3"}});
  EXPECT_THAT(out.values, ElementsAre(Pair("scaled", ElementsAre(3, 6, 9))));
  EXPECT_TRUE(out.tables.empty());
  EXPECT_EQ(passes.events, 1);
  EXPECT_EQ(passes.listing, 0);
}

TEST(SdkKpis, ASharedPassRunsOnceForAllItsKpis) {
  passes = {};
  Collected out = compute({"visits", "scaled"});
  EXPECT_THAT(out.values["visits"], ElementsAre(1, 2, 3));
  EXPECT_THAT(out.values["scaled"], ElementsAre(2, 4, 6));  // default factor
  EXPECT_EQ(passes.events, 1);
  // A KPI that does not use the pass does not make it run.
  passes = {};
  out = compute({"listing", "nothing"});
  EXPECT_EQ(passes.events, 0);
  EXPECT_EQ(passes.listing, 1);
  EXPECT_THAT(out.tables, ElementsAre(Pair("listing", 1)));
  EXPECT_THAT(out.values["nothing"],
              ElementsAre(std::nullopt, std::nullopt, std::nullopt));
}

TEST(SdkKpis, AnEmptyRequestAsksForEveryKpi) {
  passes = {};
  Collected out = compute({});
  EXPECT_EQ(out.values.size(), 3u);
  EXPECT_EQ(out.tables.size(), 1u);
  EXPECT_EQ(passes.events, 1);
}

TEST(SdkKpis, BadParametersAreRefusedWhenBound) {
  EXPECT_THROW(TestIndicator(sdk::Config(
                   std::map<std::string, std::string>{{"factor", "0"}})),
               std::runtime_error);
}

TEST(SdkKpis, ATableIsCheckedAgainstItsDeclaredColumns) {
  const vigie_output& declared = kOutputs[3];
  auto table = [](std::vector<std::pair<std::string, Type>> columns) {
    vigie::Table t;
    for (auto& [name, type] : columns) t.add(name, type);
    return t;
  };
  EXPECT_EQ(sdk::undeclared_columns(
                declared, table({{"amount", Type::Decimal},
                                 {"name", Type::String}})),  // any order
            std::nullopt);
  EXPECT_EQ(sdk::undeclared_columns(declared, table({{"name", Type::String}})),
            "its table has no column 'amount' (declared: name, amount)");
  EXPECT_EQ(sdk::undeclared_columns(declared, table({{"name", Type::String},
                                                     {"amount", Type::Int64}})),
            "its column 'amount' is int, declared decimal");
  EXPECT_THAT(
      sdk::undeclared_columns(declared, table({{"name", Type::String},
                                               {"amount", Type::Decimal},
                                               {"email", Type::String}}))
          .value_or(""),
      HasSubstr("a column 'email' it does not declare"));
  // An output that declares no columns (ABI 1.0) accepts any table.
  EXPECT_EQ(sdk::undeclared_columns(kOutputs[0], table({{"x", Type::Bool}})),
            std::nullopt);
}

// A value KPI may give the values of every period at once (sdk::Series):
// the adapter sends each to the sink, and refuses a series of another
// length than the request's periods rather than leave a period unsent.
sdk::Series running_total(Run& run) {
  sdk::Series out;
  double total = 0;
  for (double v : run.events()) out.push_back(total += v);
  return out;
}
sdk::Series one_value_only(Run&) { return {1.0}; }

constexpr sdk::Kpi<Run> kSeriesKpis[] = {
    sdk::value_kpi<Run>("running_total", "Running total", "count",
                        "events so far", &running_total),
    sdk::value_kpi<Run>("one_value_only", "One value", "count",
                        "a series too short", &one_value_only),
};
using SeriesIndicator = sdk::KpiIndicator<Run, kOptions, kSeriesKpis>;

TEST(SdkKpis, ASeriesKpiGivesEveryPeriodsValueAtOnce) {
  passes = {};
  Collected out = compute<SeriesIndicator>({"running_total"});
  EXPECT_THAT(out.values,
              ElementsAre(Pair("running_total", ElementsAre(1, 3, 6))));
  EXPECT_EQ(passes.events, 1);
}

TEST(SdkKpis, ASeriesOfTheWrongLengthIsRefused) {
  try {
    compute<SeriesIndicator>({"one_value_only"});
    FAIL() << "a series of 1 value for 3 periods was accepted";
  } catch (const std::logic_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("one_value_only gave 1 values for 3"));
  }
}

}  // namespace
