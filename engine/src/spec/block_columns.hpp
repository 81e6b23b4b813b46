// The columns a report block names (a table's or list's `columns:`, a bar
// chart's `label:` and `value:`) checked against those its KPI's table or
// list declares (OutputDescriptor::columns), when the spec is read.
#pragma once

#include <string>
#include <vector>

#include "spec/document.hpp"
#include "spec/plugin_catalog.hpp"

namespace vigie::spec {

struct NamedColumn {
  std::string name;
  Cursor at;  // where the block names it
};

// Reports, at each place, a column `output` does not declare, with the
// valid ones and a "did you mean"; an output that declares no columns (a
// plugin built for ABI 1.0) is not checked. A list's columns are those the
// personal-data rule leaves (customer_key for customer_id unless
// `raw_customer_id`; no email, no consent_marketing).
void check_block_columns(Document& doc, const std::string& kpi,
                         const OutputDescriptor& output, bool raw_customer_id,
                         const std::vector<NamedColumn>& named);

// Reports, at each place, a column `output` declares with a type that is
// not a number (a chart's values, a table's thresholds and bars), with the
// number columns it has.
void check_number_columns(Document& doc, const std::string& kpi,
                          const OutputDescriptor& output,
                          const std::vector<NamedColumn>& named);

}  // namespace vigie::spec
