#include "spec/spec_reader.hpp"

namespace vigie::spec {

std::vector<Lookup> SpecReader::read_lookups(const Cursor& at) {
  std::vector<Lookup> lookups;
  if (!doc_.expect_list(at)) return lookups;
  UniqueIds ids("lookup");
  for (const auto& item : doc_.items(at)) {
    Lookup lookup;
    lookup.location = doc_.where(item);
    if (!doc_.expect_map(item,
                         "a lookup: a map with id, connector, config, key "
                         "and value"))
      continue;
    Fields f(doc_, item, {"id", "connector", "config", "key", "value"});
    auto id_at = f.required("id", "a name for the lookup");
    read_id(lookup.id, id_at);
    if (id_at && !lookup.id.empty()) ids.add(doc_, *id_at, lookup.id);
    const PluginDescriptor* connector = nullptr;
    if (auto c = f.required("connector", "the name of a connector plugin"))
      connector = read_plugin(*c, PluginKind::Connector, lookup.connector);
    read_config(item, f.optional("config"), connector, lookup.config);
    // The expressions are checked against the source's columns when it is
    // read (ingest/lookup_table.cpp), as a source's mapping is.
    if (auto k = f.required("key", "an expression over the lookup's columns"))
      if (auto t = doc_.text(*k)) {
        lookup.key = t->value;
        lookup.key_location = doc_.where(*k);
      }
    if (auto v = f.required("value", "an expression over the lookup's columns"))
      if (auto t = doc_.text(*v)) {
        lookup.value = t->value;
        lookup.value_location = doc_.where(*v);
      }
    lookups.push_back(std::move(lookup));
  }
  return lookups;
}

}  // namespace vigie::spec
