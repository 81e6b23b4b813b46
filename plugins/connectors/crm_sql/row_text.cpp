#include "row_text.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <system_error>
#include <typeinfo>

namespace vigie::crm_sql {
namespace {

template <class Number>
std::string number_text(Number value) {
  // std::to_chars without a precision gives the shortest text that parses
  // back to the same value, independent of the locale.
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  if (ec != std::errc()) throw std::runtime_error("number too long to print");
  return std::string(buffer, end);
}

std::string timestamp_text(const std::tm& t) {
  char buffer[32];
  // strftime would do, but %Y is not zero-padded for years below 1000.
  auto n = std::snprintf(
      buffer, sizeof(buffer), "%04d-%02d-%02d %02d:%02d:%02d", t.tm_year + 1900,
      t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
  return std::string(buffer, static_cast<size_t>(n));
}

}  // namespace

std::optional<std::string> value_text(const soci::row& row,
                                      std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  const auto& properties = row.get_properties(column);
  try {
    switch (properties.get_data_type()) {
      case soci::dt_string:
      case soci::dt_xml:
      case soci::dt_blob:
        return row.get<std::string>(column);
      case soci::dt_integer:
        return number_text(row.get<int>(column));
      case soci::dt_long_long:
        return number_text(row.get<long long>(column));
      case soci::dt_unsigned_long_long:
        return number_text(row.get<unsigned long long>(column));
      case soci::dt_double:
        return number_text(row.get<double>(column));
      case soci::dt_date:
        return timestamp_text(row.get<std::tm>(column));
    }
  } catch (const std::bad_cast&) {
    // Falls through to the error below.
  }
  throw std::runtime_error("column '" + properties.get_name() +
                           "' has a database type the crm_sql connector "
                           "cannot read as text");
}

}  // namespace vigie::crm_sql
