#include "output/cell_text.hpp"

#include "table/date_tz.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace vigie::output {

std::string decimal_text(int64_t scaled) {
  const int64_t whole = scaled / kDecimalScale;
  const int64_t frac = std::llabs(scaled % kDecimalScale);
  std::string out = (scaled < 0 && whole == 0) ? "-0" : std::to_string(whole);
  if (frac != 0) {
    std::string digits = fmt::format("{:04d}", frac);
    digits.erase(digits.find_last_not_of('0') + 1);
    out += "." + digits;
  }
  return out;
}

std::chrono::seconds zone_offset(int64_t micros, const std::string& time_zone) {
  using namespace std::chrono;
  const sys_seconds t{duration_cast<seconds>(microseconds(micros))};
  return date::locate_zone(time_zone)->get_info(t).offset;
}

std::string timestamp_text(int64_t micros, const std::string& time_zone) {
  using namespace std::chrono;
  const sys_seconds t{duration_cast<seconds>(microseconds(micros))};
  const seconds zone = zone_offset(micros, time_zone);
  const auto local = date::local_seconds{t.time_since_epoch() + zone};
  const auto offset = duration_cast<minutes>(zone).count();
  return fmt::format("{}{}{:02d}:{:02d}", date::format("%FT%T", local),
                     offset < 0 ? '-' : '+', std::abs(offset) / 60,
                     std::abs(offset) % 60);
}

std::string cell_text(const Column& c, int64_t row,
                      const std::string& time_zone) {
  if (!c.is_valid(row)) return {};
  const auto i = static_cast<size_t>(row);
  switch (c.type) {
    case Type::Int64:
      return std::to_string(c.ints[i]);
    case Type::Decimal:
      return decimal_text(c.ints[i]);
    case Type::Double:
      return fmt::format("{}", c.doubles[i]);
    case Type::Bool:
      return c.bools[i] ? "true" : "false";
    case Type::Timestamp:
      return timestamp_text(c.ints[i], time_zone);
    case Type::String:
    case Type::Dictionary:
      return std::string(c.string_at(row));
  }
  return {};
}

}  // namespace vigie::output
