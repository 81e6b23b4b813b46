// Values of the canonical types read from text, exactly and strictly: a
// value that does not parse gives nothing, and the caller rejects the row
// saying what was expected.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::table {

// "-12.5", "1234.5678", "+3", ".5", "1e3" is refused. Result scaled by
// 10^4 (vigie::kDecimalScale); more than 4 decimals are rounded half to
// even (documented in docs/data-model.md); overflow gives nothing.
std::optional<int64_t> parse_decimal(std::string_view text);

// "42", "-7"; also "42.0" (a whole number written as a decimal, as
// spreadsheets do). Anything else gives nothing.
std::optional<int64_t> parse_int(std::string_view text);

// true/false/1/0/yes/no, any case.
std::optional<bool> parse_bool(std::string_view text);

// ISO 8601 timestamps to microseconds since the epoch, UTC:
// "2026-10-03T14:05:09", "2026-10-03 14:05:09", an optional fraction
// (".123456"), an optional offset ("Z", "+02:00", "+0200"); a date alone
// ("2026-10-03") is midnight. A value without an offset is local time in
// the time zone given at construction (IANA name, "UTC", or a fixed
// offset "+02:00"). Ambiguous local times (the repeated hour of a
// daylight-saving change) take the earlier instant; local times that do
// not exist (the skipped hour) are moved forward by the gap.
class TimestampParser {
 public:
  // Throws std::runtime_error for an unknown time zone.
  explicit TimestampParser(const std::string& time_zone);
  ~TimestampParser();
  TimestampParser(TimestampParser&&) noexcept;
  std::optional<int64_t> parse(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::table
