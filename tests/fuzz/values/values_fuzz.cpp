// Fuzz target: the value parsers of engine/src/table/parse.cpp on one
// arbitrary cell: decimal, integer, boolean, and timestamps in fixed
// offsets and in named time zones (with daylight saving, half-hour and
// 45-minute offsets). Beyond "no crash, no sanitizer report", checks that
// the parsers agree with each other:
// - a decimal prints (as the engine prints it) to text that reads back to
//   the same value;
// - an integer in the decimal range reads as the same decimal;
// - a timestamp reads in every zone or in none, a fixed offset moves it by
//   exactly that offset, and no zone moves it by more than a day.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "ingest/expression.hpp"
#include "table/parse.hpp"
#include "vigie/sdk/column.hpp"

namespace {

using vigie::table::TimestampParser;

void check(bool condition) {
  if (!condition) std::abort();
}

constexpr int64_t kMicrosPerHour = int64_t{3600} * 1000000;

void check_decimal(std::string_view text) {
  const std::optional<int64_t> decimal = vigie::table::parse_decimal(text);
  if (decimal) {
    const std::string printed =
        vigie::ingest::Value::of_number(*decimal).as_text();
    check(vigie::table::parse_decimal(printed) == decimal);
  }
  const std::optional<int64_t> integer = vigie::table::parse_int(text);
  constexpr int64_t kLargestWholeDecimal = INT64_MAX / vigie::kDecimalScale;
  if (integer && *integer <= kLargestWholeDecimal &&
      *integer >= -kLargestWholeDecimal)
    check(decimal == *integer * vigie::kDecimalScale);
}

void check_timestamp(std::string_view text) {
  static const TimestampParser utc("UTC");
  static const TimestampParser plus_0530("+05:30");
  static const std::vector<TimestampParser> zones = [] {
    std::vector<TimestampParser> out;
    for (const char* name :
         {"Europe/Paris", "America/New_York", "Australia/Lord_Howe",
          "Asia/Kathmandu", "Pacific/Apia"})
      out.emplace_back(name);
    return out;
  }();
  const std::optional<int64_t> at_utc = utc.parse(text);
  const std::optional<int64_t> at_plus_0530 = plus_0530.parse(text);
  check(at_utc.has_value() == at_plus_0530.has_value());
  if (at_utc) {
    // Equal when the text carries its own offset; 5:30 earlier otherwise.
    const int64_t shift = *at_utc - *at_plus_0530;
    check(shift == 0 || shift == 11 * kMicrosPerHour / 2);
  }
  for (const TimestampParser& zone : zones) {
    const std::optional<int64_t> at_zone = zone.parse(text);
    check(at_zone.has_value() == at_utc.has_value());
    if (at_zone) check(std::llabs(*at_zone - *at_utc) <= 26 * kMicrosPerHour);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_decimal(text);
  vigie::table::parse_bool(text);
  check_timestamp(text);
  return 0;
}
