#include "month_calendar.hpp"

#include <chrono>
#include <stdexcept>

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

namespace customer_base {
namespace {

using Micros = std::chrono::microseconds;
using SysMicros = date::sys_time<Micros>;

const date::time_zone* zone_named(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception& e) {
    throw std::runtime_error("unknown time zone '" + name + "': " + e.what());
  }
}

}  // namespace

LocalMonths::LocalMonths(const std::string& time_zone)
    : zone_(zone_named(time_zone)) {}

std::optional<std::pair<int64_t, int64_t>> LocalMonths::whole_months(
    int64_t from, int64_t to) const {
  auto month_starting_at = [&](int64_t instant) -> std::optional<int64_t> {
    const auto local = zone_->to_local(SysMicros{Micros{instant}});
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    if (local != day || ymd.day() != date::day{1}) return std::nullopt;
    return vigie::sdk::month_code(static_cast<int>(ymd.year()),
                                  static_cast<unsigned>(ymd.month()));
  };
  auto first = month_starting_at(from);
  auto end = month_starting_at(to);
  if (!first || !end) return std::nullopt;
  return std::pair{*first, *end};
}

std::vector<int64_t> LocalMonths::twelve_months_to(int64_t as_of) const {
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

}  // namespace customer_base
