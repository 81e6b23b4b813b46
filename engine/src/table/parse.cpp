// Text to canonical values. These run once per cell of every file read, so
// they scan characters by hand: no std::regex, no allocation, no locale.
// std::from_chars would do for plain integers but not for the signs, the
// "42.0" form or the scaled decimals with rounding, so one hand-written
// digit loop serves all of them.
#include "table/parse.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <vector>

#include "vigie/sdk/column.hpp"

#include "table/date_tz.hpp"

namespace vigie::table {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr int digit_value(char c) { return c - '0'; }

// Appends one decimal digit to `value`; false on uint64 overflow.
bool push_digit(uint64_t& value, int digit) {
  return !__builtin_mul_overflow(value, uint64_t{10}, &value) &&
         !__builtin_add_overflow(value, static_cast<uint64_t>(digit), &value);
}

// A leading '+' or '-'; returns whether the number is negative.
bool read_sign(std::string_view text, size_t& pos) {
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
    return text[pos++] == '-';
  return false;
}

// The largest magnitude an int64 of this sign can hold.
constexpr uint64_t magnitude_limit(bool negative) {
  return static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) +
         (negative ? 1 : 0);
}

// Applies the sign to a magnitude already checked against magnitude_limit.
// The unsigned negation wraps, and C++20 defines the conversion back to
// int64 as modular, so -2^63 comes out right without overflow.
int64_t with_sign(uint64_t magnitude, bool negative) {
  return static_cast<int64_t>(negative ? 0 - magnitude : magnitude);
}

// Exactly `count` digits at text[pos], as a number.
bool read_digits(std::string_view text, size_t& pos, size_t count, int& out) {
  if (text.size() - pos < count) return false;
  int value = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = text[pos + i];
    if (!is_digit(c)) return false;
    value = value * 10 + digit_value(c);
  }
  pos += count;
  out = value;
  return true;
}

bool read_char(std::string_view text, size_t& pos, char expected) {
  if (pos >= text.size() || text[pos] != expected) return false;
  ++pos;
  return true;
}

// "+02:00", "-0530", "+02" at text[pos] to seconds east of UTC.
bool read_offset(std::string_view text, size_t& pos, int64_t& seconds) {
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-'))
    return false;
  bool negative = text[pos++] == '-';
  int hours = 0;
  int minutes = 0;
  if (!read_digits(text, pos, 2, hours)) return false;
  if (pos < text.size()) {
    if (text[pos] == ':') ++pos;  // "+02:00" and "+0200" alike
    if (!read_digits(text, pos, 2, minutes)) return false;
  }
  if (hours > 23 || minutes > 59) return false;
  seconds = (hours * 3600 + minutes * 60) * (negative ? -1 : 1);
  return true;
}

}  // namespace

std::optional<int64_t> parse_decimal(std::string_view text) {
  size_t pos = 0;
  bool negative = read_sign(text, pos);
  uint64_t scaled = 0;  // the digits read so far, at most 4 of them decimals
  size_t digits = 0;
  for (; pos < text.size() && is_digit(text[pos]); ++pos, ++digits)
    if (!push_digit(scaled, digit_value(text[pos]))) return std::nullopt;
  int kept_decimals = 0;
  int first_dropped = 0;      // the 5th decimal, which decides the rounding
  bool dropped_rest = false;  // any non-zero decimal after the 5th
  if (pos < text.size() && text[pos] == '.') {
    for (++pos; pos < text.size() && is_digit(text[pos]); ++pos, ++digits) {
      int d = digit_value(text[pos]);
      if (kept_decimals < 4) {
        if (!push_digit(scaled, d)) return std::nullopt;
        ++kept_decimals;
      } else if (kept_decimals == 4) {
        first_dropped = d;
        ++kept_decimals;
      } else {
        dropped_rest = dropped_rest || d != 0;
      }
    }
  }
  if (digits == 0 || pos != text.size()) return std::nullopt;
  for (int i = std::min(kept_decimals, 4); i < 4; ++i)
    if (!push_digit(scaled, 0)) return std::nullopt;
  // Half to even: above half rounds up, exactly half goes to the even
  // neighbour, so sums of rounded values carry no upward bias.
  bool round_up = first_dropped > 5 ||
                  (first_dropped == 5 && (dropped_rest || scaled % 2 == 1));
  if (round_up && __builtin_add_overflow(scaled, uint64_t{1}, &scaled))
    return std::nullopt;
  if (scaled > magnitude_limit(negative)) return std::nullopt;
  return with_sign(scaled, negative);
}

std::optional<int64_t> parse_int(std::string_view text) {
  size_t pos = 0;
  bool negative = read_sign(text, pos);
  uint64_t value = 0;
  size_t digits = 0;
  for (; pos < text.size() && is_digit(text[pos]); ++pos, ++digits)
    if (!push_digit(value, digit_value(text[pos]))) return std::nullopt;
  if (digits == 0) return std::nullopt;
  // A whole number written as a decimal ("42.0", "42."): only zeros may
  // follow the point.
  if (pos < text.size() && text[pos] == '.')
    for (++pos; pos < text.size() && text[pos] == '0';) ++pos;
  if (pos != text.size() || value > magnitude_limit(negative))
    return std::nullopt;
  return with_sign(value, negative);
}

std::optional<bool> parse_bool(std::string_view text) {
  auto equals_lower = [text](std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower[i]) return false;
    }
    return true;
  };
  if (equals_lower("true") || equals_lower("1") || equals_lower("yes"))
    return true;
  if (equals_lower("false") || equals_lower("0") || equals_lower("no"))
    return false;
  return std::nullopt;
}

// How local times of the parser's time zone become UTC. A fixed offset is
// one subtraction. A named zone would cost a call into the tz database per
// value, so the constructor lists, for 1900 to 2200, the ranges of local
// time over which the offset is constant and the local time unambiguous;
// parse() finds the range by binary search, after trying the range of the
// previous value (consecutive values of a file are usually close in time).
// The few local times outside every range (the hours around a change, or
// far dates) ask the database. Its reader of the system's zoneinfo files
// (date 3.0.1) ignores the rule written at their end, so past a zone's last
// listed change (2037 for Europe/Paris) the last offset stays for good.
struct TimestampParser::Impl {
  struct LocalRange {
    int64_t local_begin;  // seconds since the local epoch, inclusive
    int64_t local_end;    // exclusive
    int64_t offset;       // seconds east of UTC
  };

  int64_t fixed_offset = 0;
  const date::time_zone* zone = nullptr;  // null: fixed_offset applies
  std::vector<LocalRange> ranges;         // sorted, disjoint
  // Index of the range that served the last value. Relaxed atomic: a hint
  // only, so a parser may be shared between threads.
  mutable std::atomic<size_t> last_range{0};

  void list_ranges();
  int64_t offset_at(int64_t local) const;
};

void TimestampParser::Impl::list_ranges() {
  using std::chrono::seconds;
  const date::sys_seconds first{date::sys_days{date::year{1900} / 1 / 1}};
  const date::sys_seconds last{date::sys_days{date::year{2200} / 1 / 1}};
  std::vector<date::sys_info> infos;
  for (date::sys_seconds t = first; t < last;) {
    infos.push_back(zone->get_info(t));
    if (infos.back().end <= t) break;
    t = infos.back().end;
  }
  for (size_t i = 0; i < infos.size(); ++i) {
    int64_t offset = infos[i].offset.count();
    // A local time is unique to this period when neither neighbour's
    // offset reaches it: after a forward change the skipped hour belongs
    // to no one, after a backward change the repeated hour to both.
    // Periods cut at 1900 or 2200 keep a day's margin instead, as their
    // neighbours beyond were not looked up.
    int64_t begin =
        i == 0 ? first.time_since_epoch().count() + offset + kSecondsPerDay
               : infos[i].begin.time_since_epoch().count() +
                     std::max(offset, infos[i - 1].offset.count());
    int64_t end =
        i + 1 == infos.size()
            ? std::min(infos[i].end, last).time_since_epoch().count() + offset -
                  kSecondsPerDay
            : infos[i].end.time_since_epoch().count() +
                  std::min(offset, infos[i + 1].offset.count());
    if (begin >= end) continue;
    if (!ranges.empty() && ranges.back().local_end == begin &&
        ranges.back().offset == offset)
      ranges.back().local_end = end;  // only the abbreviation changed
    else
      ranges.push_back({begin, end, offset});
  }
}

int64_t TimestampParser::Impl::offset_at(int64_t local) const {
  if (zone == nullptr) return fixed_offset;
  size_t hint = last_range.load(std::memory_order_relaxed);
  if (hint < ranges.size() && local >= ranges[hint].local_begin &&
      local < ranges[hint].local_end)
    return ranges[hint].offset;
  auto after = std::upper_bound(
      ranges.begin(), ranges.end(), local,
      [](int64_t t, const LocalRange& r) { return t < r.local_begin; });
  if (after != ranges.begin() && local < std::prev(after)->local_end) {
    last_range.store(static_cast<size_t>(after - ranges.begin()) - 1,
                     std::memory_order_relaxed);
    return std::prev(after)->offset;
  }
  date::local_info info =
      zone->get_info(date::local_seconds{std::chrono::seconds{local}});
  // `first` is the period before the change. For an ambiguous time it
  // gives the earlier of the two instants; for a time that does not exist
  // it gives the instant the clock would show had it not jumped, that is
  // the local time moved forward by the gap. A unique time has only it.
  return info.first.offset.count();
}

TimestampParser::TimestampParser(const std::string& time_zone)
    : impl_(std::make_unique<Impl>()) {
  if (time_zone == "UTC") return;
  size_t pos = 0;
  if (read_offset(time_zone, pos, impl_->fixed_offset) &&
      pos == time_zone.size())
    return;
  try {
    impl_->zone = date::locate_zone(time_zone);
  } catch (const std::exception&) {
    throw std::runtime_error("unknown time zone '" + time_zone +
                             "' (expected an IANA name such as "
                             "Europe/Paris, UTC, or an offset such as +02:00)");
  }
  impl_->list_ranges();
}

TimestampParser::~TimestampParser() = default;
TimestampParser::TimestampParser(TimestampParser&&) noexcept = default;

std::optional<int64_t> TimestampParser::parse(std::string_view text) const {
  size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!read_digits(text, pos, 4, year) || !read_char(text, pos, '-') ||
      !read_digits(text, pos, 2, month) || !read_char(text, pos, '-') ||
      !read_digits(text, pos, 2, day))
    return std::nullopt;
  date::year_month_day ymd{date::year{year},
                           date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  int64_t seconds_of_day = 0;
  int64_t micros = 0;
  bool has_offset = false;
  int64_t offset = 0;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
    ++pos;
    int hour = 0, minute = 0, second = 0;
    // One-digit hours ("9:12:58") are what spreadsheets and some exports
    // write; minutes and seconds always have two.
    bool one_digit_hour = pos + 1 < text.size() && text[pos + 1] == ':';
    if (!read_digits(text, pos, one_digit_hour ? 1 : 2, hour) ||
        !read_char(text, pos, ':') || !read_digits(text, pos, 2, minute))
      return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!read_digits(text, pos, 2, second)) return std::nullopt;
      if (pos < text.size() && text[pos] == '.') {
        // Digits beyond the microsecond are dropped (truncation, as when
        // nanoseconds are stored as microseconds).
        size_t digits = 0;
        for (++pos; pos < text.size() && is_digit(text[pos]); ++pos, ++digits)
          if (digits < 6) micros = micros * 10 + digit_value(text[pos]);
        if (digits == 0) return std::nullopt;
        for (; digits < 6; ++digits) micros *= 10;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    seconds_of_day = hour * 3600 + minute * 60 + second;
    if (pos < text.size()) {
      has_offset = true;
      if (text[pos] == 'Z') {
        ++pos;
      } else if (!read_offset(text, pos, offset)) {
        return std::nullopt;
      }
    }
  }
  if (pos != text.size()) return std::nullopt;
  int64_t local =
      date::sys_days{ymd}.time_since_epoch().count() * kSecondsPerDay +
      seconds_of_day;
  int64_t utc = local - (has_offset ? offset : impl_->offset_at(local));
  return utc * kMicrosPerSecond + micros;
}

}  // namespace vigie::table
