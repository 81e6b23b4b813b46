// Shared by the reader tests: an environment from a map, reading a spec
// given as text under the name "spec.yaml", and a spec around one block.
#pragma once

#include <map>
#include <string>

#include "fake_catalog.hpp"
#include "spec/reader.hpp"

namespace vigie::spec::testing {

inline Environment env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

inline ReadResult read(const std::string& yaml,
                       std::map<std::string, std::string> vars = {}) {
  static const FakeCatalog catalog;
  return read_spec_text(yaml, "spec.yaml", catalog, env_of(std::move(vars)));
}

// Every diagnostic formatted, one a line, for failure messages.
inline std::string all(const ReadResult& r) {
  std::string out;
  for (const auto& d : r.errors) out += format_diagnostic(d) + "\n";
  return out;
}

// A spec whose one section holds `block` (on line 12), followed by
// `outputs`, over the fake catalog's customer_base with its table KPI
// value_segments and its list KPI alert_1m.
inline std::string spec_with_block(const std::string& block,
                                   const std::string& outputs = "") {
  return "report: {id: r, title: T}\n"
         "sources:\n"
         "  - {id: o, connector: crm_sql, dataset: orders,\n"
         "     config: {url: x, table: orders}}\n"
         "kpis:\n"
         "  - {id: value_segments, indicator: customer_base,\n"
         "     parameters: {currency: EUR}}\n"
         "  - {id: alert_1m, indicator: customer_base, parameters: {currency: "
         "EUR}}\n"
         "sections:\n"
         "  - title: S\n"
         "    blocks:\n"
         "      - " +
         block + "\n" + outputs;
}

}  // namespace vigie::spec::testing
