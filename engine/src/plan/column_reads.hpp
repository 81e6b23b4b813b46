// Which columns of each canonical dataset a run reads: the union of what
// the requested KPIs declare (OutputDescriptor::reads), of what the
// derived datasets they need are built from, and of what the personal-data
// rule reads of customers for a list.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "plugin_host/descriptor.hpp"
#include "spec/spec.hpp"

namespace vigie::plan {

// Canonical dataset -> columns read.
using ColumnReads = std::map<std::string, std::set<std::string>>;

// Adds what KPI `output` of `indicator` reads. Its entries are
// "dataset.column" or "dataset.*"; a derived dataset stands for the
// columns it is built from. A KPI that declares nothing (a plugin built
// for ABI 1.0, or one that does not say) reads every column of every
// dataset its indicator takes. Returns the entries that name no dataset
// or column, for the caller to report.
std::vector<std::string> add_kpi_reads(
    const plugin_host::PluginDescriptor& indicator,
    const plugin_host::OutputDescriptor& output, ColumnReads& reads);

// Adds what a metric written in the spec reads: its column, its filter's
// columns, its `by` column and its dataset's time column (nothing for a
// metric computed from other KPIs).
void add_metric_reads(const spec::Metric& metric, ColumnReads& reads);

// Adds the columns `dataset` (canonical: all of them; derived: those it is
// built from) stands for.
void add_dataset_reads(std::string_view dataset, ColumnReads& reads);

// Adds what the personal-data rule reads to filter and key a list:
// customers.customer_id and customers.consent_marketing.
void add_list_rule_reads(ColumnReads& reads);

// Adds what a burst reads to split the data by value: its column, and for
// a burst over customers, the customer id of every dataset read (each
// value's report reads the rows of that value's customers). Called last.
void add_burst_reads(const spec::Burst& burst, ColumnReads& reads);

}  // namespace vigie::plan
