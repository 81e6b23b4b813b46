#include "compute/periods.hpp"

#include "locale/catalog.hpp"
#include "locale/months.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <chrono>
#include <sstream>
#include <stdexcept>

namespace vigie::compute {
namespace {

int64_t local_midnight_us(const date::time_zone* tz, date::local_days day) {
  // Midnight is never ambiguous in practice; `earliest` makes it explicit.
  const auto instant = tz->to_sys(day, date::choose::earliest);
  return std::chrono::duration_cast<std::chrono::microseconds>(
             instant.time_since_epoch())
      .count();
}

int year_of(date::local_days day) {
  return static_cast<int>(date::year_month_day{day}.year());
}

void check_year(int year, const std::string& option, const std::string& text) {
  if (year < kFirstYear || year > kLastYear)
    throw std::invalid_argument(
        fmt::format("{} {}: the year must be between {} and {}", option, text,
                    kFirstYear, kLastYear));
}

// "26 oct." / "26 Oct"; with the year: "1 nov. 2026".
std::string day_and_month(const locale::Locale& words, date::local_days day,
                          bool with_year) {
  const date::year_month_day ymd{day};
  std::string text =
      fmt::format("{} {}", unsigned(ymd.day()),
                  locale::month_abbreviation(words, unsigned(ymd.month())));
  if (with_year) text += fmt::format(" {}", int(ymd.year()));
  return text;
}

// The first day of a span, written as little as its last day leaves
// clear: "19" (– 25 oct. 2026), "26 oct." (– 1 nov. 2026), "28 déc. 2026"
// (– 3 janv. 2027).
std::string first_day_of_span(const locale::Locale& words,
                              date::local_days first, date::local_days last) {
  const date::year_month_day a{first};
  const date::year_month_day b{last};
  if (a.year() != b.year()) return day_and_month(words, first, true);
  if (a.month() != b.month()) return day_and_month(words, first, false);
  return fmt::format("{}", unsigned(a.day()));
}

void name(Period& out, const CalendarPeriod& period,
          const locale::Locale& words) {
  const date::year_month_day ymd{period.first};
  const unsigned month = unsigned(ymd.month());
  switch (period.grain) {
    case Grain::Month:
      out.label = fmt::format("{} {}", locale::month_name(words, month),
                              int(ymd.year()));
      out.short_label =
          fmt::format("{} {:02d}", locale::month_abbreviation(words, month),
                      int(ymd.year()) % 100);
      return;
    case Grain::Week: {
      // The week number of its id ("2026-W44"), which ISO years number.
      const std::string week = out.id.substr(6);
      const auto last = period.end() - date::days{1};
      const std::array args{
          locale::Arg::of_text("week", week),
          locale::Arg::of_text("first",
                               first_day_of_span(words, period.first, last)),
          locale::Arg::of_text("last", day_and_month(words, last, true))};
      out.label = locale::message(words, "period.week", args);
      out.short_label = locale::message(words, "period.week_short", args);
      return;
    }
    case Grain::Day:
      out.label =
          fmt::format("{} {} {}", unsigned(ymd.day()),
                      locale::month_name(words, month), int(ymd.year()));
      out.short_label = day_and_month(words, period.first, false);
      return;
  }
}

}  // namespace

CalendarPeriod report_period(Grain grain,
                             const std::optional<std::string>& period,
                             const std::optional<std::string>& as_of,
                             const std::string& time_zone) {
  const std::string pattern(table::id_pattern(grain));
  if (period) {
    if (period->empty())
      throw std::invalid_argument("--period is empty: expected " + pattern);
    auto p = table::parse_period_id(grain, *period);
    if (!p)
      throw std::invalid_argument(fmt::format(
          "--period expects {}{}, got '{}'", pattern,
          grain == Grain::Month ? ""
                                : fmt::format(" (this report's period is a {})",
                                              table::grain_name(grain)),
          *period));
    check_year(year_of(p->first), "--period", *period);
    return *p;
  }
  date::local_days day;
  if (as_of) {
    if (as_of->empty())
      throw std::invalid_argument("--as-of is empty: expected YYYY-MM-DD");
    std::istringstream in(*as_of);
    in >> date::parse("%F", day);
    const bool digits = as_of->size() == 10 &&
                        std::isdigit(static_cast<unsigned char>((*as_of)[0]));
    if (in.fail() || !digits)
      throw std::invalid_argument("--as-of expects YYYY-MM-DD, got '" + *as_of +
                                  "'");
    check_year(year_of(day), "--as-of", *as_of);
  } else {
    const auto* tz = date::locate_zone(time_zone);
    day =
        date::floor<date::days>(tz->to_local(std::chrono::system_clock::now()));
  }
  // The last full period before that day.
  return table::period_of(grain, day).plus(-1);
}

std::vector<Period> calendar_periods(std::span<const CalendarPeriod> periods,
                                     const std::string& time_zone,
                                     const std::string& locale_name) {
  if (periods.empty()) return {};
  const CalendarPeriod& first = periods.front();
  const CalendarPeriod& last = periods.back();
  if (year_of(first.first) < kFirstYear ||
      year_of(last.end() - date::days{1}) > kLastYear)
    throw std::invalid_argument(fmt::format(
        "the report's {} {}s run from {} to {}: every period must lie in the "
        "years {} to {}",
        periods.size(), table::grain_name(last.grain), first.id(), last.id(),
        kFirstYear, kLastYear));
  const auto* tz = date::locate_zone(time_zone);
  const locale::Locale words(locale_name);
  std::vector<Period> out;
  for (const CalendarPeriod& period : periods) {
    Period p;
    p.id = period.id();
    p.start_us = local_midnight_us(tz, period.first);
    p.end_us = local_midnight_us(tz, period.end());
    name(p, period, words);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace vigie::compute
