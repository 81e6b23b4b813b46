// Every word the engine and the built-in plugins write for a reader, in
// French and English, keyed by message id (catalog.cpp). A message may
// hold placeholders, "{name}", filled with typed values formatted in the
// report's locale (messages.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "locale/locale.hpp"

namespace vigie::locale {

// How a value is written into a message.
enum class ArgType {
  Number,     // up to 2 decimals ("2,35")
  Count,      // no decimals, grouped ("1 234")
  Hours,      // up to 1 decimal ("12,5", "48")
  Percent,    // a ratio as a percentage, 1 decimal ("12,3 %")
  Money,      // 2 decimals and the currency sign ("12,50 €")
  Text,       // as given
  Timestamp,  // µs since the epoch, UTC, shown local: "2026-10-31 23:00"
};

struct Arg {
  std::string name;
  ArgType type = ArgType::Text;
  double number = 0;    // Number, Count, Hours, Percent, Money
  int64_t instant = 0;  // Timestamp
  std::string text;     // Text

  static Arg of_number(std::string name, ArgType type, double value) {
    return {std::move(name), type, value, 0, {}};
  }
  static Arg of_text(std::string name, std::string value) {
    return {std::move(name), ArgType::Text, 0, 0, std::move(value)};
  }
  static Arg of_instant(std::string name, int64_t us) {
    return {std::move(name), ArgType::Timestamp, 0, us, {}};
  }
};

// A message id the catalog does not have.
class UnknownMessage : public std::invalid_argument {
 public:
  explicit UnknownMessage(const std::string& id)
      : std::invalid_argument("no message '" + id + "' in the catalog") {}
};

struct CatalogEntry {
  std::string_view id;
  std::string_view french;
  std::string_view english;
};

// The whole catalog, in the order it is written.
std::span<const CatalogEntry> catalog();

// The entry of `id`, or nullptr.
const CatalogEntry* find_message(std::string_view id);

// The message `id` in the locale's language, its placeholders replaced by
// `args`. Throws UnknownMessage for an id the catalog lacks, and
// std::invalid_argument for a placeholder no argument fills (naming both).
std::string message(const Locale& locale, std::string_view id,
                    std::span<const Arg> args = {});

// The same for a message that takes no value (a word: "page", "n/a").
std::string text(const Locale& locale, std::string_view id);

// The names of the placeholders of a message template, in order.
std::vector<std::string> placeholders(std::string_view message_template);

}  // namespace vigie::locale
