#include "compute/periods.hpp"

#include "locale/months.hpp"
#include "table/date_tz.hpp"

#include <fmt/format.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace vigie::compute {
namespace {

int64_t local_midnight_us(const date::time_zone* tz, Month m) {
  const date::local_days day{date::year{m.year} / date::month{m.month} /
                             date::day{1}};
  // Midnight is never ambiguous in practice; `earliest` makes it explicit.
  const auto instant = tz->to_sys(day, date::choose::earliest);
  return std::chrono::duration_cast<std::chrono::microseconds>(
             instant.time_since_epoch())
      .count();
}

}  // namespace

namespace {

void check_year(int year, const std::string& option, const std::string& text) {
  if (year < kFirstYear || year > kLastYear)
    throw std::invalid_argument(
        fmt::format("{} {}: the year must be between {} and {}", option, text,
                    kFirstYear, kLastYear));
}

}  // namespace

Month report_month(const std::optional<std::string>& period,
                   const std::optional<std::string>& as_of,
                   const std::string& time_zone) {
  if (period) {
    if (period->empty())
      throw std::invalid_argument("--period is empty: expected YYYY-MM");
    auto m = table::parse_month(*period);
    if (!m)
      throw std::invalid_argument("--period expects YYYY-MM, got '" + *period +
                                  "'");
    check_year(m->year, "--period", *period);
    return *m;
  }
  date::year_month_day day;
  if (as_of) {
    if (as_of->empty())
      throw std::invalid_argument("--as-of is empty: expected YYYY-MM-DD");
    std::istringstream in(*as_of);
    date::local_days parsed;
    in >> date::parse("%F", parsed);
    const bool digits = as_of->size() == 10 &&
                        std::isdigit(static_cast<unsigned char>((*as_of)[0]));
    if (in.fail() || !digits)
      throw std::invalid_argument("--as-of expects YYYY-MM-DD, got '" + *as_of +
                                  "'");
    day = date::year_month_day{parsed};
    check_year(static_cast<int>(day.year()), "--as-of", *as_of);
  } else {
    const auto* tz = date::locate_zone(time_zone);
    const auto local = tz->to_local(std::chrono::system_clock::now());
    day = date::year_month_day{date::floor<date::days>(local)};
  }
  // The last full month before that day.
  return Month{static_cast<int>(day.year()), static_cast<unsigned>(day.month())}
      .plus(-1);
}

std::vector<Period> month_periods(Month last, int count,
                                  const std::string& time_zone,
                                  const std::string& locale_name) {
  const Month first = last.plus(1 - count);
  if (first.year < kFirstYear || last.year > kLastYear)
    throw std::invalid_argument(fmt::format(
        "the report's {} months run from {} to {}: every period must lie in "
        "the years {} to {}",
        count, first.iso(), last.iso(), kFirstYear, kLastYear));
  const auto* tz = date::locate_zone(time_zone);
  const locale::Locale words(locale_name);
  std::vector<Period> out;
  for (int i = count - 1; i >= 0; --i) {
    Period p;
    p.month = last.plus(-i);
    p.start_us = local_midnight_us(tz, p.month);
    p.end_us = local_midnight_us(tz, p.month.plus(1));
    p.label = fmt::format("{} {}", locale::month_name(words, p.month.month),
                          p.month.year);
    p.short_label = fmt::format(
        "{} {:02d}", locale::month_abbreviation(words, p.month.month),
        p.month.year % 100);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace vigie::compute
