// A catalog message filled with its values.
#include <fmt/format.h>

#include "locale/catalog.hpp"
#include "locale/number_format.hpp"

namespace vigie::locale {
namespace {

std::string value_text(const Arg& arg, const Locale& locale) {
  switch (arg.type) {
    case ArgType::Number:
      return format_number(arg.number, 2, locale);
    case ArgType::Count:
      return format_value(arg.number, "count", locale);
    case ArgType::Hours:
      return format_number(arg.number, 1, locale);
    case ArgType::Percent:
      return format_value(arg.number, "ratio", locale);
    case ArgType::Money:
      return format_value(arg.number, "currency", locale);
    case ArgType::Text:
      return arg.text;
    case ArgType::Timestamp:
      return format_local_time(arg.instant, locale);
  }
  return arg.text;
}

}  // namespace

std::vector<std::string> placeholders(std::string_view message_template) {
  std::vector<std::string> names;
  size_t at = 0;
  while ((at = message_template.find('{', at)) != std::string_view::npos) {
    const size_t end = message_template.find('}', at);
    if (end == std::string_view::npos) break;
    names.emplace_back(message_template.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return names;
}

std::string message(const Locale& locale, std::string_view id,
                    std::span<const Arg> args) {
  const CatalogEntry* entry = find_message(id);
  if (entry == nullptr) throw UnknownMessage(std::string(id));
  const std::string_view pattern =
      locale.french() ? entry->french : entry->english;
  std::string out;
  size_t from = 0;
  size_t at = 0;
  while ((at = pattern.find('{', from)) != std::string_view::npos) {
    const size_t end = pattern.find('}', at);
    if (end == std::string_view::npos) break;
    const std::string_view name = pattern.substr(at + 1, end - at - 1);
    const Arg* arg = nullptr;
    for (const Arg& a : args)
      if (a.name == name) arg = &a;
    if (arg == nullptr)
      throw std::invalid_argument(fmt::format(
          "message '{}' needs a value named '{}', which was not given", id,
          name));
    out.append(pattern.substr(from, at - from));
    out += value_text(*arg, locale);
    from = end + 1;
  }
  out.append(pattern.substr(from));
  return out;
}

std::string text(const Locale& locale, std::string_view id) {
  return message(locale, id, {});
}

}  // namespace vigie::locale
