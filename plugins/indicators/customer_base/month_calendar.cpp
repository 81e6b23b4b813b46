#include "month_calendar.hpp"

#include <chrono>
#include <cstdlib>

#include "vigie/sdk/calendar_month.hpp"
#include "vigie/sdk/column.hpp"

namespace customer_base {
namespace {

namespace chr = std::chrono;

int64_t micros_of(chr::sys_days day) {
  return static_cast<int64_t>(day.time_since_epoch().count()) *
         vigie::kMicrosPerDay;
}

}  // namespace

int64_t month_instant(int64_t month_code) {
  const auto month = vigie::sdk::calendar_month(month_code);
  const chr::year_month_day first{chr::year{static_cast<int>(month.year)},
                                  chr::month{month.month}, chr::day{1}};
  return micros_of(chr::sys_days(first)) + 12 * 3600 * vigie::kMicrosPerSecond;
}

std::vector<int64_t> twelve_month_boundaries(
    int64_t as_of, std::span<const vigie_period> periods) {
  // The calendar day of as_of, taken 12 hours later so that a local
  // midnight east of UTC (the evening before, in UTC) falls on its own day.
  const int64_t half_day = vigie::kMicrosPerDay / 2;
  int64_t shifted = as_of + half_day;
  int64_t day_number = shifted / vigie::kMicrosPerDay;
  if (shifted % vigie::kMicrosPerDay < 0) --day_number;
  const chr::sys_days anchor_day{chr::days{day_number}};
  const int64_t time_of_day = as_of - micros_of(anchor_day);
  const chr::year_month_day anchor{anchor_day};

  const int64_t snap = 3 * 3600 * vigie::kMicrosPerSecond;
  std::vector<int64_t> out(13);
  out[12] = as_of;
  for (int k = 1; k <= 12; ++k) {
    chr::year_month ym =
        chr::year_month{anchor.year(), anchor.month()} - chr::months{k};
    chr::day last = chr::year_month_day_last{
        ym.year(),
        chr::month_day_last{
            ym.month()}}.day();
    chr::year_month_day day{ym.year(), ym.month(),
                            anchor.day() < last ? anchor.day() : last};
    int64_t boundary = micros_of(chr::sys_days(day)) + time_of_day;
    for (const vigie_period& p : periods) {
      if (std::llabs(p.start_us - boundary) <= snap) boundary = p.start_us;
      if (std::llabs(p.end_us - boundary) <= snap) boundary = p.end_us;
    }
    out[static_cast<size_t>(12 - k)] = boundary;
  }
  return out;
}

}  // namespace customer_base
