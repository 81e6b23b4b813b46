// The columns an ndjson source gives: names and the JSON pointers
// (RFC 6901) that find their values in each line's object, and the text a
// value leaves as.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <simdjson.h>

namespace vigie::ndjson {

struct JsonColumn {
  std::string name;
  std::string pointer;  // "/user/id", "/items/0/sku"
};

// The `columns` option (name: pointer), checked: each pointer empty or
// starting with '/'. Without it, the top-level fields of `first` (the
// file's first object), each at "/<name>", in the object's order.
std::vector<JsonColumn> json_columns(
    const std::vector<std::pair<std::string, std::string>>& option,
    const std::optional<simdjson::dom::object>& first);

// The text of a value as the engine reads it: a string as it is, an
// integer exactly, a number with a fraction as the shortest text that
// reads back to the same double (what was written, less trailing zeros:
// "12.50" gives "12.5"), true or false, an object or array as compact
// JSON; nothing for null.
std::optional<std::string> value_text(simdjson::dom::element value);

}  // namespace vigie::ndjson
