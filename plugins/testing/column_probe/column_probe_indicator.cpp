// An indicator whose KPIs say which dataset columns they read, and whose
// tables list the columns it was lent, so that a test can check the
// report plan's projection: a run lends an indicator the columns its
// requested KPIs declare (and those other requested KPIs read), nothing
// more; a KPI that declares nothing is lent every column.
#include <string>

#include "vigie/sdk.hpp"

namespace {

namespace sdk = vigie::sdk;
using vigie::Type;

struct Params {
  // Every dataset's columns when empty, else this dataset's only.
  std::string dataset;
};
constexpr sdk::Option<Params> kOptions[] = {sdk::field<&Params::dataset>(
    "dataset", "", "list the columns of this dataset only")};

struct Run : sdk::Compute<Params> {
  using Compute::Compute;
};

// One row a column lent: (dataset, column), datasets in the order of the
// request, columns in the order of their table.
vigie::Table columns_received(Run& run) {
  vigie::Table t;
  auto& dataset = t.add("dataset", Type::String);
  auto& column = t.add("column", Type::String);
  for (const auto& [name, table] : run.request.datasets) {
    if (!run.parameters.dataset.empty() && name != run.parameters.dataset)
      continue;
    for (const auto& c : table.columns()) {
      dataset.push_string(name);
      column.push_string(c.name());
    }
  }
  return t;
}

constexpr vigie_column kColumns[] = {sdk::column("dataset", Type::String),
                                     sdk::column("column", Type::String)};
constexpr const char* kOrderAmounts[] = {"orders.ordered_at", "orders.amount"};
constexpr const char* kCallOutcomes[] = {"calls.outcome"};
// A declaration naming a column no dataset has: a spec asking for this
// KPI is refused when its plan is built, by `vigie validate` as by a run.
constexpr const char* kMisread[] = {"orders.no_such_column"};

constexpr sdk::Kpi<Run> kKpis[] = {
    sdk::table_kpi<Run>(VIGIE_OUTPUT_TABLE, "order_amounts", "Order amounts",
                        "", "reads orders.ordered_at and orders.amount",
                        kColumns, &columns_received)
        .reading(kOrderAmounts),
    sdk::table_kpi<Run>(VIGIE_OUTPUT_TABLE, "call_outcomes", "Call outcomes",
                        "", "reads calls.outcome", kColumns, &columns_received)
        .reading(kCallOutcomes),
    sdk::table_kpi<Run>(VIGIE_OUTPUT_TABLE, "misread", "Misread", "",
                        "declares a column orders does not have", kColumns,
                        &columns_received)
        .reading(kMisread),
    // Declares no reads: lent every column of every dataset it takes.
    sdk::table_kpi<Run>(VIGIE_OUTPUT_TABLE, "everything", "Everything", "",
                        "declares no reads", kColumns, &columns_received),
};

constexpr vigie_input kInputs[] = {
    sdk::input("customers", false),  sdk::input("orders", false),
    sdk::input("web_events", false), sdk::input("calls", false),
    sdk::input("surveys", false),    sdk::input("marketing_spend", false)};

}  // namespace

VIGIE_KPI_INDICATOR_PLUGIN(Run, "column_probe", "1.0.0",
                           "Lists the dataset columns it is lent (tests)",
                           kOptions, kKpis, kInputs)
