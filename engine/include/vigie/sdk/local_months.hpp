// Calendar months of the report's time zone, for a plugin that is given
// its periods as UTC instants (request.time_zone names the zone): monthly
// figures (marketing spend) fall in a period only when the period is made
// of whole months, and "the last 12 months" before as_of are local months.
// Not included by vigie/sdk.hpp: a plugin that includes it links the date
// library's time-zone part (CMake: date::date-tz; Debian:
// libhowardhinnant-date-dev), which reads the system's time-zone database.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// GCC 12 reports -Wmaybe-uninitialized inside the date library's templates
// at -O2, a false positive, silenced for its headers only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <date/tz.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "vigie/sdk/calendar_month.hpp"

namespace vigie::sdk {

class LocalMonths {
 public:
  // `time_zone`: the report's (the request's), an IANA name. Throws
  // std::runtime_error naming it when the time-zone database lacks it.
  explicit LocalMonths(const std::string& time_zone) : zone_(zone(time_zone)) {}

  // The months [first, end), as calendar_month.hpp codes, that [from, to)
  // is made of; nothing when `from` or `to` is not the local midnight that
  // starts a month (a week, a day).
  std::optional<std::pair<int64_t, int64_t>> whole_months(int64_t from,
                                                          int64_t to) const {
    auto first = month_starting_at(from);
    auto end = month_starting_at(to);
    if (!first || !end) return std::nullopt;
    return std::pair{*first, *end};
  }

  // The 13 boundaries b0 < ... < b12 = as_of of the 12 calendar months
  // that end at as_of: b(k) is as_of's local date moved back 12 - k months
  // (the day clamped to the month's length) at as_of's local time of day.
  std::vector<int64_t> twelve_months_to(int64_t as_of) const {
    const auto local = zone_->to_local(SysMicros{Micros{as_of}});
    const auto day = date::floor<date::days>(local);
    const auto time_of_day = local - day;
    const date::year_month_day anchor{day};
    std::vector<int64_t> out(13);
    out[12] = as_of;
    for (int k = 1; k <= 12; ++k) {
      const date::year_month ym =
          anchor.year() / anchor.month() - date::months{k};
      const date::day last = (ym / date::last).day();
      const date::local_days back{ym / std::min(anchor.day(), last)};
      // A boundary in a daylight-saving gap or repeat takes its first
      // instant, as the engine's period boundaries do.
      out[static_cast<size_t>(12 - k)] =
          zone_->to_sys(back + time_of_day, date::choose::earliest)
              .time_since_epoch()
              .count();
    }
    return out;
  }

 private:
  using Micros = std::chrono::microseconds;
  using SysMicros = date::sys_time<Micros>;

  static const date::time_zone* zone(const std::string& name) {
    try {
      return date::locate_zone(name);
    } catch (const std::exception& e) {
      throw std::runtime_error("unknown time zone '" + name + "': " + e.what());
    }
  }

  std::optional<int64_t> month_starting_at(int64_t instant) const {
    const auto local = zone_->to_local(SysMicros{Micros{instant}});
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    if (local != day || ymd.day() != date::day{1}) return std::nullopt;
    return month_code(static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()));
  }

  const date::time_zone* zone_;
};

}  // namespace vigie::sdk
