#include "json_columns.hpp"

#include <stdexcept>

namespace vigie::ndjson {

std::vector<JsonColumn> json_columns(
    const std::vector<std::pair<std::string, std::string>>& option,
    const std::optional<simdjson::dom::object>& first) {
  std::vector<JsonColumn> columns;
  for (const auto& [name, pointer] : option) {
    if (!pointer.empty() && pointer.front() != '/')
      throw std::runtime_error("option 'columns." + name +
                               "': a JSON pointer starts with '/' (\"/" +
                               pointer + "\"), got '" + pointer + "'");
    if (name.empty() || name.front() == '_')
      throw std::runtime_error("option 'columns': '" + name +
                               "' cannot name a column (names starting with "
                               "'_' are the connector's)");
    columns.push_back({name, pointer});
  }
  if (!option.empty() || !first) return columns;
  for (simdjson::dom::key_value_pair field : *first) {
    std::string name(field.key);
    if (name.empty() || name.front() == '_') continue;
    // A pointer escapes '~' and '/' in a key (RFC 6901).
    std::string pointer = "/";
    for (char c : name)
      pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    columns.push_back({name, pointer});
  }
  return columns;
}

std::optional<std::string> value_text(simdjson::dom::element value) {
  switch (value.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      return std::nullopt;
    case simdjson::dom::element_type::STRING:
      return std::string(value.get_string().value_unsafe());
    case simdjson::dom::element_type::BOOL:
      return value.get_bool().value_unsafe() ? "true" : "false";
    case simdjson::dom::element_type::INT64:
      return std::to_string(value.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
      return std::to_string(value.get_uint64().value_unsafe());
    default:
      // A double, an object or an array: simdjson writes it back compact;
      // a double as the shortest text that reads back to the same value,
      // which keeps "12.5" but not a trailing zero ("12.50" gives "12.5").
      return simdjson::minify(value);
  }
}

}  // namespace vigie::ndjson
