#include "plugin_host/descriptor.hpp"

#include "plugin_host/abi_descriptor.hpp"
#include "vigie/sdk/option_limits.hpp"

namespace vigie::plugin_host {
namespace {

std::string text(const char* s) { return s != nullptr ? s : ""; }

OptionDescriptor describe(const vigie_option& o) {
  OptionDescriptor d;
  d.type = static_cast<OptionType>(o.type);
  d.key = text(o.key);
  if (o.default_value != nullptr) d.default_value = o.default_value;
  d.required = o.required != 0;
  d.secret = o.secret != 0;
  d.description = text(o.description);
  for (uint32_t i = 0; i < o.choice_count && o.choices != nullptr; ++i)
    d.choices.push_back(text(o.choices[i]));
  if (o.range_flags & VIGIE_RANGE_MINIMUM)
    d.minimum = OptionBound{
        o.minimum, (o.range_flags & VIGIE_RANGE_MINIMUM_EXCLUSIVE) != 0};
  if (o.range_flags & VIGIE_RANGE_MAXIMUM)
    d.maximum = OptionBound{
        o.maximum, (o.range_flags & VIGIE_RANGE_MAXIMUM_EXCLUSIVE) != 0};
  return d;
}

OutputDescriptor describe(const vigie_output& o) {
  OutputDescriptor d;
  d.kind = static_cast<OutputKind>(o.kind);
  d.id = text(o.id);
  if (o.label != nullptr) d.label = o.label;
  d.unit = text(o.unit);
  d.description = text(o.description);
  d.better = static_cast<Better>(o.better);
  for (uint32_t i = 0; i < o.column_count && o.columns != nullptr; ++i)
    d.columns.push_back({text(o.columns[i].name),
                         static_cast<ColumnType>(o.columns[i].type),
                         text(o.columns[i].unit)});
  for (uint32_t i = 0; i < o.read_count && o.reads != nullptr; ++i)
    d.reads.push_back(text(o.reads[i]));
  return d;
}

}  // namespace

PluginDescriptor describe(const vigie_plugin_info& info) {
  PluginDescriptor d;
  d.kind = static_cast<PluginKind>(info.kind);
  d.abi_major = info.abi_major;
  d.abi_minor = info.abi_minor;
  d.name = text(info.name);
  d.version = text(info.version);
  d.summary = text(info.summary);
  for (uint32_t i = 0; i < info.option_count; ++i)
    d.options.push_back(describe(info.options[i]));
  for (uint32_t i = 0; i < info.output_count; ++i)
    d.outputs.push_back(describe(info.outputs[i]));
  for (uint32_t i = 0; i < info.input_count; ++i)
    d.inputs.push_back(
        {text(info.inputs[i].dataset), info.inputs[i].required != 0});
  return d;
}

vigie_option as_abi(const OptionDescriptor& option,
                    std::vector<const char*>& choices) {
  choices.clear();
  for (const auto& c : option.choices) choices.push_back(c.c_str());
  vigie_option o{};
  o.struct_size = sizeof(vigie_option);
  o.type = static_cast<int32_t>(option.type);
  o.key = option.key.c_str();
  o.default_value =
      option.default_value ? option.default_value->c_str() : nullptr;
  o.required = option.required;
  o.secret = option.secret;
  o.description = option.description.c_str();
  if (option.minimum) {
    o.range_flags |= VIGIE_RANGE_MINIMUM;
    if (option.minimum->exclusive)
      o.range_flags |= VIGIE_RANGE_MINIMUM_EXCLUSIVE;
    o.minimum = option.minimum->value;
  }
  if (option.maximum) {
    o.range_flags |= VIGIE_RANGE_MAXIMUM;
    if (option.maximum->exclusive)
      o.range_flags |= VIGIE_RANGE_MAXIMUM_EXCLUSIVE;
    o.maximum = option.maximum->value;
  }
  o.choice_count = static_cast<uint32_t>(choices.size());
  o.choices = choices.empty() ? nullptr : choices.data();
  return o;
}

bool has_limits(const OptionDescriptor& option) {
  return !option.choices.empty() || option.minimum || option.maximum;
}

bool within_limits(const OptionDescriptor& option, std::string_view value) {
  std::vector<const char*> choices;
  return sdk::within_limits(as_abi(option, choices), value);
}

std::string limits_text(const OptionDescriptor& option) {
  std::vector<const char*> choices;
  return sdk::limits_text(as_abi(option, choices));
}

}  // namespace vigie::plugin_host
