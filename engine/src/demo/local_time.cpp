#include "demo/local_time.hpp"

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

#include "table/date_tz.hpp"

namespace vigie::demo {

int64_t month_start(Month m) {
  auto days = date::sys_days(date::year(m.year) /
                             date::month(static_cast<unsigned>(m.month)) / 1);
  return static_cast<int64_t>(days.time_since_epoch().count()) * kDay;
}

Month month_of(int64_t local_s) {
  date::year_month_day ymd{date::sys_days(date::days(day_of(local_s)))};
  return {static_cast<int>(ymd.year()), unsigned(ymd.month())};
}

int weekday_of(int64_t local_s) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  int64_t d = (day_of(local_s) + 3) % 7;
  return static_cast<int>(d < 0 ? d + 7 : d);
}

LocalClock::LocalClock(const std::string& time_zone, int64_t from, int64_t to) {
  const date::time_zone* zone = date::locate_zone(time_zone);
  // Walk the zone's offset changes over the range (plus a day either side):
  // where the offset grows, the local times in between never happen.
  using std::chrono::seconds;
  date::sys_seconds at{seconds(from - 2 * kDay)};
  date::sys_seconds stop{seconds(to + 2 * kDay)};
  date::sys_info info = zone->get_info(at);
  while (info.end < stop) {
    date::sys_info next = zone->get_info(info.end);
    if (next.offset > info.offset) {
      int64_t change = info.end.time_since_epoch().count();
      gaps_.push_back(
          {change + info.offset.count(), change + next.offset.count()});
    }
    info = next;
  }
}

void LocalClock::format_to(int64_t local_s, char* out) const {
  for (const auto& gap : gaps_)
    if (local_s >= gap.start && local_s < gap.end) local_s = gap.end;
  int64_t day = day_of(local_s);
  int64_t second = local_s - day * kDay;
  date::year_month_day ymd{date::sys_days(date::days(day))};
  // Fixed-width digits by hand: fmt's general formatting dominated the
  // writers' time.
  auto digits = [&out](int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[i] = static_cast<char>('0' + value % 10);
    out += width;
  };
  auto separator = [&out](char c) { *out++ = c; };
  digits(static_cast<int>(ymd.year()), 4);
  separator('-');
  digits(unsigned(ymd.month()), 2);
  separator('-');
  digits(unsigned(ymd.day()), 2);
  separator('T');
  digits(second / kHour, 2);
  separator(':');
  digits(second % kHour / kMinute, 2);
  separator(':');
  digits(second % kMinute, 2);
}

std::string LocalClock::format(int64_t local_s) const {
  std::string text(kTextSize, ' ');
  format_to(local_s, text.data());
  return text;
}

}  // namespace vigie::demo
