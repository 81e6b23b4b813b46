// A plugin's declared options (a connector's config, an indicator's
// parameters): checking a spec's values against them and flattening those
// values the way they cross the plugin ABI.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spec/document.hpp"
#include "spec/plugin_catalog.hpp"
#include "spec/spec.hpp"

namespace vigie::spec {

// "connector 'crm_sql'", "indicator 'customer_base'".
std::string plugin_label(const PluginDescriptor& plugin);

const OptionDescriptor* find_option(const PluginDescriptor& plugin,
                                    std::string_view key);
std::vector<std::string> option_keys(const PluginDescriptor& plugin);

// "a string", "an integer", "a number", "true or false", "a map", "a list".
std::string_view option_type_name(OptionType type);

// Writes `value` into `out` under `key`: a single value as its text, a map
// as "key.sub" entries, a list as "key.0", "key.1", ..., after `${NAME}`
// substitution. Every written key is listed in `out.secrets` when `secret`
// is set or when its value came from the environment.
void flatten(Document& doc, const Cursor& value, const std::string& key,
             bool secret, Settings& out);

// Reports a value that does not have the option's type.
void check_type(Document& doc, const Cursor& value,
                const OptionDescriptor& option);

// Reads a map of options for `plugin` into `out`: unknown keys are
// reported with the valid ones, types are checked, values flattened (an
// entry already in `out` for the same key is replaced). `noun` is
// "option" or "parameter", for messages.
void read_options(Document& doc, const Cursor& map,
                  const PluginDescriptor& plugin, std::string_view noun,
                  Settings& out);

// Fills the defaults of options `out` does not set, and reports required
// options with neither value nor default at `owner`, under the path
// "<owner.path>.<section>.<key>".
void complete_options(Document& doc, const Cursor& owner,
                      std::string_view section, const PluginDescriptor& plugin,
                      std::string_view noun, Settings& out);

// Whether `settings` has a value for the top-level key (or one of its
// "key.sub" entries); and removing all of them.
bool has_option(const Settings& settings, const std::string& key);
void erase_option(Settings& settings, const std::string& key);
// Copies the entries of one top-level key from `from` into `to`.
void copy_option(const Settings& from, const std::string& key, Settings& to);

}  // namespace vigie::spec
