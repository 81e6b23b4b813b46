// Fuzz target: the report spec reader (engine/src/spec) on arbitrary YAML
// text, against the test catalog of tests/unit/spec (two connectors, two
// indicators, options of every type, some secret). Beyond "no crash, no
// sanitizer report", checks: a spec comes back exactly when there is no
// error; every diagnostic formats; and no value taken from the environment
// is ever quoted in a diagnostic (docs/spec-reference.md: secrets are never
// printed) unless the input itself holds that text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "fake_catalog.hpp"
#include "spec/reader.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

const std::map<std::string, std::string> kEnvironment = {
    {"VIGIE_DATA", "qx-env-value-1"}, {"DB_PASSWORD", "qx-env-value-2"},
    {"PERIOD", "qx-env-value-3"},     {"SERIES", "qx-env-value-4"},
    {"KEY", "qx-env-value-5"},
};

std::optional<std::string> lookup(const std::string& name) {
  auto it = kEnvironment.find(name);
  if (it == kEnvironment.end()) return std::nullopt;
  return it->second;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const vigie::spec::testing::FakeCatalog catalog;
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  const vigie::spec::ReadResult result =
      vigie::spec::read_spec_text(yaml, "spec.yaml", catalog, lookup);
  check(result.spec.has_value() == result.errors.empty());
  for (const vigie::spec::Diagnostic& diagnostic : result.errors) {
    const std::string text = vigie::spec::format_diagnostic(diagnostic);
    check(text.rfind("spec.yaml", 0) == 0);
    for (const auto& [name, value] : kEnvironment)
      check(text.find(value) == std::string::npos ||
            yaml.find(value) != std::string::npos);
  }
  return 0;
}
