#include "spec/spec_reader.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "secrets/redactor.hpp"
#include "spec/spec.hpp"
#include "spec/suggest.hpp"
#include "spec/yaml_load.hpp"
#include "table/canonical.hpp"

namespace vigie::spec {

std::vector<std::string> dataset_names() {
  std::vector<std::string> names;
  for (const auto& d : table::canonical_datasets()) names.emplace_back(d.name);
  return names;
}

bool UniqueIds::add(Document& doc, const Cursor& at, const std::string& id) {
  auto [it, inserted] = first_lines_.emplace(id, at.mark.line + 1);
  if (!inserted)
    doc.error(at, fmt::format("duplicate {} id '{}' (first defined at line "
                              "{})",
                              noun_, id, it->second));
  return inserted;
}

Spec SpecReader::read(const Cursor& root) {
  Spec spec;
  if (!doc_.expect_map(root,
                       "a report spec: a map with report, sources, kpis "
                       "and sections"))
    return spec;
  Fields f(doc_, root,
           {"report", "lookups", "sources", "parameters", "kpis", "sections",
            "outputs", "schedule", "delivery", "burst"});
  if (auto at = f.required("report", "a map with at least id and title"))
    spec.report = read_report(*at);
  if (auto at = f.optional("lookups")) spec.lookups = read_lookups(*at);
  for (const auto& lookup : spec.lookups) lookup_ids_.insert(lookup.id);
  if (auto at = f.required("sources", "a list of sources"))
    spec.sources = read_sources(*at);
  for (const auto& source : spec.sources)
    filled_datasets_.insert(source.dataset);
  time_zone_ = spec.report.time_zone;
  if (auto at = f.required("kpis", "a list of KPIs")) {
    spec.kpis = read_kpis(*at);
    check_metric_references(spec.kpis);
  }
  spec.parameters = read_report_parameters(f.optional("parameters"));
  resolve_kpi_parameters(spec);
  // Outputs first: whether lists carry raw ids decides the columns a
  // list block may name (diagnostics come out in document order anyway).
  if (auto at = f.optional("outputs")) spec.outputs = read_outputs(*at);
  raw_customer_id_ = spec.outputs.raw_customer_id;
  if (auto at = f.required("sections", "a list of sections"))
    spec.sections = read_sections(*at);
  if (auto at = f.optional("schedule"))
    spec.schedule = read_schedule(*at, spec.report);
  // Delivery before bursting: a burst's recipients may name its groups.
  auto burst_at = f.optional("burst");
  if (auto at = f.optional("delivery")) {
    spec.delivery = read_delivery(*at, burst_at.has_value());
    // The e-mail's figures, and send_when, come from the report's
    // kpis.json.
    if (!spec.outputs.json)
      doc_.error(*at,
                 "delivery reads the figures of the e-mail from the "
                 "report's kpis.json: outputs.json must stay true");
  }
  if (burst_at) {
    if (!spec.delivery)
      doc_.error(*burst_at,
                 "burst sends one report a value by e-mail: it needs a "
                 "delivery block (the SMTP server)");
    spec.burst = read_burst(*burst_at, spec);
  }
  return spec;
}

void SpecReader::read_id(std::string& out, const std::optional<Cursor>& at) {
  if (!at) return;
  doc_.assign(out, at);
  if (out.empty()) doc_.error(*at, "expected a non-empty name");
}

const PluginDescriptor* SpecReader::read_plugin(const Cursor& at,
                                                PluginKind kind,
                                                std::string& name) {
  auto t = doc_.text(at);
  if (!t) return nullptr;
  name = t->value;
  const char* noun = kind == PluginKind::Connector ? "connector" : "indicator";
  const PluginDescriptor* plugin = plugins_.find(name);
  if (plugin == nullptr) {
    // The refusal names the file, hence the name: not for a value that
    // came from the environment, which is never printed.
    if (const std::string refusal =
            t->from_environment ? "" : plugins_.refusal(name);
        !refusal.empty()) {
      doc_.error(at, fmt::format("{} {} was not loaded: {}", noun,
                                 doc_.quote(at, *t), refusal));
      return nullptr;
    }
    auto names = plugins_.names(kind);
    std::string hint = t->from_environment ? "" : did_you_mean(name, names);
    doc_.error(at, fmt::format("unknown {} {};{} available: {}", noun,
                               doc_.quote(at, *t), hint,
                               names.empty() ? "none" : join(names)));
    return nullptr;
  }
  if (plugin->kind != kind) {
    bool is_connector = plugin->kind == PluginKind::Connector;
    doc_.error(at, fmt::format("{} is {}, not {}", doc_.quote(at, *t),
                               is_connector ? "a connector" : "an indicator",
                               is_connector ? "an indicator" : "a connector"));
    return nullptr;
  }
  return plugin;
}

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

ReadResult read_spec_text(const std::string& yaml, const std::string& file,
                          const PluginCatalog& plugins,
                          const Environment& env) {
  ReadResult result;
  // A text that is too big, breaks a bound or is not YAML stops the
  // reading: nothing after it can be trusted.
  LoadedYaml loaded = load_yaml(yaml, file);
  if (loaded.error) {
    result.errors.push_back(std::move(*loaded.error));
    return result;
  }
  const YAML::Node& root = loaded.root;
  Document doc(file, env);
  Spec spec = SpecReader(doc, plugins).read(Document::root(root));
  spec.file = file;
  result.errors = doc.take_errors();
  if (result.errors.empty()) result.spec = std::move(spec);
  return result;
}

ReadResult read_spec(const std::filesystem::path& file,
                     const PluginCatalog& plugins, const Environment& env) {
  // The size is checked before anything is read.
  std::error_code size_error;
  const auto size = std::filesystem::file_size(file, size_error);
  if (!size_error)
    if (auto too_big = check_size(size, file.string()))
      return ReadResult{std::nullopt, {std::move(*too_big)}};
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ReadResult result;
    result.errors.push_back(Diagnostic{
        Location{file.string(), 0, 0, ""},
        fmt::format("cannot read the spec: {}", std::strerror(errno))});
    return result;
  }
  // At most one byte over the bound, whatever the file is (a pipe has no
  // size to check first).
  std::string text(YamlLimits::kMaxBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return read_spec_text(text, file.string(), plugins, env);
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics)
    text += (text.empty() ? "" : "\n") + format_diagnostic(d);
  return text;
}

std::string format_diagnostic(const Diagnostic& d) {
  // Redacted here, the one way a diagnostic becomes text: a spec path or
  // a message may quote a value that is secret.
  if (d.where.path.empty())
    return secrets::redact(fmt::format("{}: {}", d.where.str(), d.message));
  return secrets::redact(
      fmt::format("{}: {}: {}", d.where.str(), d.where.path, d.message));
}

}  // namespace vigie::spec
