// Reads a report spec (YAML) into the model of spec.hpp and checks it
// against the canonical datasets and the plugins' descriptors. Every
// mistake is reported at once, each with file:line:column, its path in the
// document and what was expected. docs/spec-reference.md describes the
// format.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "spec/plugin_catalog.hpp"
#include "spec/spec.hpp"

namespace vigie::spec {

struct Diagnostic {
  Location where;
  std::string message;
};

// `spec` is set only when `errors` is empty. Errors come in document order.
struct ReadResult {
  std::optional<Spec> spec;
  std::vector<Diagnostic> errors;
};

// The value of an environment variable, or nullopt when it is not set.
using Environment =
    std::function<std::optional<std::string>(const std::string&)>;

// The process environment (getenv).
Environment process_environment();

ReadResult read_spec(const std::filesystem::path& file,
                     const PluginCatalog& plugins, const Environment& env);

// The same, from YAML text already in memory; `file` names it in messages.
ReadResult read_spec_text(const std::string& yaml, const std::string& file,
                          const PluginCatalog& plugins, const Environment& env);

// "file:line:column: path: message" ("file:line:column: message" when the
// error is not inside a key, e.g. a YAML syntax error).
std::string format_diagnostic(const Diagnostic& diagnostic);

// Every diagnostic formatted, one a line.
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace vigie::spec
