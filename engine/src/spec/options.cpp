#include "spec/options.hpp"

#include <fmt/format.h>

#include "secrets/redactor.hpp"
#include "spec/suggest.hpp"

namespace vigie::spec {
namespace {

bool is_entry_of(const std::string& flat_key, const std::string& key) {
  return flat_key == key ||
         (flat_key.size() > key.size() && flat_key.starts_with(key) &&
          flat_key[key.size()] == '.');
}

bool is_single_value_type(OptionType type) {
  return type != OptionType::Map && type != OptionType::List;
}

// A map or list option crosses the ABI as flat "key.sub" entries that
// plugins read one level deep: a map or list inside one would arrive
// under keys no plugin asks for.
void expect_single_value(Document& doc, const Cursor& at,
                         std::string_view why) {
  if (!at.node.IsMap() && !at.node.IsSequence()) return;
  doc.error(at, fmt::format("expected a single value ({}), got {}", why,
                            doc.describe(at)));
}

// The option's range and choices (ABI 1.1), for one single value.
void check_limits(Document& doc, const Cursor& value,
                  const OptionDescriptor& option) {
  if (!plugin_host::has_limits(option) || !value.node.IsScalar()) return;
  auto t = doc.text(value);
  if (!t || plugin_host::within_limits(option, t->value)) return;
  doc.error(value,
            fmt::format("expected {}, got {}", plugin_host::limits_text(option),
                        doc.quote(value, *t)));
}

}  // namespace

std::string plugin_label(const PluginDescriptor& plugin) {
  const char* kind =
      plugin.kind == PluginKind::Connector ? "connector" : "indicator";
  return fmt::format("{} '{}'", kind, plugin.name);
}

const OptionDescriptor* find_option(const PluginDescriptor& plugin,
                                    std::string_view key) {
  return plugin.find_option(key);
}

std::vector<std::string> option_keys(const PluginDescriptor& plugin) {
  std::vector<std::string> keys;
  for (const auto& option : plugin.options) keys.push_back(option.key);
  return keys;
}

std::string_view option_type_name(OptionType type) {
  switch (type) {
    case OptionType::Int:
      return "an integer";
    case OptionType::Number:
      return "a number";
    case OptionType::Bool:
      return "true or false";
    case OptionType::Map:
      return "a map";
    case OptionType::List:
      return "a list";
    default:
      return "a string";
  }
}

void flatten(Document& doc, const Cursor& value, const std::string& key,
             bool secret, Settings& out) {
  if (value.node.IsMap()) {
    for (const auto& e : doc.entries(value))
      flatten(doc, e.value, key + "." + e.key, secret, out);
  } else if (value.node.IsSequence()) {
    std::size_t index = 0;
    for (const auto& item : doc.items(value))
      flatten(doc, item, fmt::format("{}.{}", key, index++), secret, out);
  } else if (auto t = doc.text(value)) {
    if (secret) secrets::add(t->value);
    if (secret || t->from_environment) out.secrets.insert(key);
    out.values[key] = std::move(t->value);
  }
}

void check_type(Document& doc, const Cursor& value,
                const OptionDescriptor& option) {
  switch (option.type) {
    case OptionType::Map:
      if (doc.expect_map(value, "a map of key: value"))
        for (const auto& e : doc.entries(value)) {
          expect_single_value(doc, e.value, "a map option holds key: value");
          check_limits(doc, e.value, option);
        }
      return;
    case OptionType::List:
      if (doc.expect_list(value, "a list of values"))
        for (const auto& item : doc.items(value)) {
          expect_single_value(doc, item, "a list option holds single values");
          check_limits(doc, item, option);
        }
      return;
    default:
      break;
  }
  if (!value.node.IsScalar() && !value.node.IsNull()) {
    doc.error(value,
              fmt::format("expected {}, got {}", option_type_name(option.type),
                          doc.describe(value)));
    return;
  }
  auto t = doc.text(value);
  if (!t) return;
  switch (option.type) {
    case OptionType::Int:
      if (!doc.as_integer(value, *t)) return;
      break;
    case OptionType::Number:
      if (!doc.as_number(value, *t)) return;
      break;
    case OptionType::Bool:
      if (!doc.as_boolean(value, *t)) return;
      break;
    default:
      break;
  }
  check_limits(doc, value, option);
}

void read_options(Document& doc, const Cursor& map,
                  const PluginDescriptor& plugin, std::string_view noun,
                  Settings& out) {
  if (!doc.expect_map(map, fmt::format("a map of {}s", noun))) return;
  const std::vector<std::string> keys = option_keys(plugin);
  for (const auto& e : doc.entries(map)) {
    const OptionDescriptor* option = find_option(plugin, e.key);
    if (option == nullptr) {
      std::string valid = keys.empty()
                              ? fmt::format("it takes no {}s", noun)
                              : fmt::format("valid {}s: {}", noun, join(keys));
      doc.error(e.key_at, fmt::format("unknown {} '{}' of {};{} {}", noun,
                                      e.key, plugin_label(plugin),
                                      did_you_mean(e.key, keys), valid));
      continue;
    }
    Cursor value = e.value;
    value.sensitive = option->secret;
    value.environment = true;  // options are where secrets go
    check_type(doc, value, *option);
    erase_option(out, e.key);
    flatten(doc, value, e.key, value.sensitive, out);
    out.locations[e.key] = doc.where(value);
  }
}

void complete_options(Document& doc, const Cursor& owner,
                      std::string_view section, const PluginDescriptor& plugin,
                      std::string_view noun, Settings& out) {
  for (const OptionDescriptor& option : plugin.options) {
    if (has_option(out, option.key)) continue;
    // A map or list default has no agreed text form: the plugin applies
    // its own when the entries are absent.
    if (option.default_value && is_single_value_type(option.type)) {
      out.values[option.key] = *option.default_value;
      if (option.secret) out.secrets.insert(option.key);
      continue;
    }
    if (!option.required) continue;
    Cursor missing = owner;
    missing.path = child_path(child_path(owner.path, section), option.key);
    std::string about = !option.description.empty()
                            ? fmt::format(": {}", option.description)
                            : std::string();
    doc.error(missing, fmt::format("missing required {} '{}' of {} ({}{})",
                                   noun, option.key, plugin_label(plugin),
                                   option_type_name(option.type), about));
  }
}

bool has_option(const Settings& settings, const std::string& key) {
  for (auto it = settings.values.lower_bound(key);
       it != settings.values.end() && it->first.starts_with(key); ++it)
    if (is_entry_of(it->first, key)) return true;
  return false;
}

void erase_option(Settings& settings, const std::string& key) {
  std::erase_if(settings.values,
                [&](const auto& kv) { return is_entry_of(kv.first, key); });
  std::erase_if(settings.secrets,
                [&](const std::string& k) { return is_entry_of(k, key); });
  settings.locations.erase(key);
}

void copy_option(const Settings& from, const std::string& key, Settings& to) {
  // Only the sorted range of keys starting with `key` is visited: a KPI
  // costs what it receives, not the size of every report-wide parameter.
  for (auto it = from.values.lower_bound(key);
       it != from.values.end() && it->first.starts_with(key); ++it)
    if (is_entry_of(it->first, key)) to.values[it->first] = it->second;
  for (auto it = from.secrets.lower_bound(key);
       it != from.secrets.end() && it->starts_with(key); ++it)
    if (is_entry_of(*it, key)) to.secrets.insert(*it);
  if (auto it = from.locations.find(key); it != from.locations.end())
    to.locations[key] = it->second;
}

}  // namespace vigie::spec
