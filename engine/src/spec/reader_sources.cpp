#include "spec/spec_reader.hpp"

#include <fmt/format.h>

#include "spec/options.hpp"
#include "spec/suggest.hpp"
#include "table/canonical.hpp"

namespace vigie::spec {
namespace {

// The ids that lookup('id', ...) calls of an expression name. A scan, not
// a parse: the expression is parsed against the source's columns when the
// source is read; the ids can be checked now, for `vigie validate`.
std::vector<std::string> lookup_calls(const std::string& expression) {
  std::vector<std::string> ids;
  for (size_t at = expression.find("lookup("); at != std::string::npos;
       at = expression.find("lookup(", at + 1)) {
    size_t open = expression.find_first_not_of(" ", at + 7);
    if (open == std::string::npos || expression[open] != '\'') continue;
    size_t close = expression.find('\'', open + 1);
    if (close != std::string::npos)
      ids.push_back(expression.substr(open + 1, close - open - 1));
  }
  return ids;
}

std::vector<std::string> column_names(const table::CanonicalDataset& d) {
  std::vector<std::string> names;
  for (const auto& c : d.columns) names.emplace_back(c.name);
  return names;
}

}  // namespace

std::vector<Source> SpecReader::read_sources(const Cursor& at) {
  std::vector<Source> sources;
  if (!doc_.expect_list(at)) return sources;
  UniqueIds ids("source");
  for (const auto& item : doc_.items(at)) {
    std::optional<Cursor> id_at;
    sources.push_back(read_source(item, id_at));
    if (id_at && !sources.back().id.empty())
      ids.add(doc_, *id_at, sources.back().id);
  }
  return sources;
}

Source SpecReader::read_source(const Cursor& at, std::optional<Cursor>& id_at) {
  Source source;
  source.location = doc_.where(at);
  if (!doc_.expect_map(at, "a source: a map with id, connector, dataset"))
    return source;
  Fields f(doc_, at, {"id", "connector", "dataset", "config", "mapping"});
  id_at = f.required("id", "a name for the source");
  read_id(source.id, id_at);
  const PluginDescriptor* connector = nullptr;
  if (auto c = f.required("connector", "the name of a connector plugin"))
    connector = read_plugin(*c, PluginKind::Connector, source.connector);
  const table::CanonicalDataset* dataset = nullptr;
  if (auto d = f.required("dataset", "one of " + join(dataset_names())))
    dataset = read_dataset(*d, source.dataset);
  read_config(at, f.optional("config"), connector, source.config);
  if (auto m = f.optional("mapping")) read_mapping(*m, dataset, source);
  return source;
}

const table::CanonicalDataset* SpecReader::read_dataset(const Cursor& at,
                                                        std::string& name) {
  auto t = doc_.text(at);
  if (!t) return nullptr;
  name = t->value;
  if (const auto* dataset = table::find_dataset(name)) return dataset;
  auto names = dataset_names();
  doc_.error(at,
             fmt::format("unknown dataset {};{} canonical datasets: {}",
                         doc_.quote(at, *t),
                         t->from_environment ? "" : did_you_mean(name, names),
                         join(names)));
  return nullptr;
}

void SpecReader::read_config(const Cursor& source,
                             const std::optional<Cursor>& config,
                             const PluginDescriptor* connector, Settings& out) {
  if (connector == nullptr) {
    // Nothing to check against; still substitute, to report unset
    // variables now rather than after the connector is fixed.
    if (config && doc_.expect_map(*config))
      for (const auto& e : doc_.entries(*config))
        flatten(doc_, e.value, e.key, false, out);
    return;
  }
  if (config) read_options(doc_, *config, *connector, "option", out);
  complete_options(doc_, source, "config", *connector, "option", out);
}

void SpecReader::check_lookup_ids(const Cursor& at,
                                  const std::string& expression) {
  std::vector<std::string> known(lookup_ids_.begin(), lookup_ids_.end());
  for (const auto& id : lookup_calls(expression))
    if (!lookup_ids_.contains(id))
      doc_.error(at,
                 known.empty()
                     ? fmt::format("lookup('{}', ...): the spec has no "
                                   "`lookups:` (see spec-reference.md, "
                                   "lookups)",
                                   id)
                     : fmt::format("unknown lookup '{}';{} the spec's "
                                   "lookups: {}",
                                   id, did_you_mean(id, known), join(known)));
}

void SpecReader::read_mapping(const Cursor& at,
                              const table::CanonicalDataset* dataset,
                              Source& source) {
  if (!doc_.expect_map(at, "a map of canonical column: source expression"))
    return;
  for (const auto& e : doc_.entries(at)) {
    if (dataset != nullptr && dataset->find(e.key) == nullptr) {
      auto columns = column_names(*dataset);
      doc_.error(e.key_at,
                 fmt::format("'{}' is not a column of dataset '{}';{} "
                             "columns: {}",
                             e.key, dataset->name, did_you_mean(e.key, columns),
                             join(columns)));
      continue;
    }
    if (auto t = doc_.text(e.value)) {
      check_lookup_ids(e.value, t->value);
      source.mapping[e.key] = t->value;
      source.mapping_locations[e.key] = doc_.where(e.value);
    }
  }
}

}  // namespace vigie::spec
