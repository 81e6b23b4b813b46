#include "table/calendar_period.hpp"

#include <fmt/format.h>

#include <charconv>

namespace vigie::table {
namespace {

date::local_days monday_of(date::local_days day) {
  return day - (date::weekday{day} - date::Monday);
}

// ISO 8601: week 1 is the week with the year's first Thursday.
date::local_days iso_week_one(date::year year) {
  return monday_of(date::local_days{year / date::January / 4});
}

date::year iso_year_of(date::local_days monday) {
  return date::year_month_day{monday + date::days{3}}.year();
}

int weeks_in(date::year iso_year) {
  return static_cast<int>(
      (iso_week_one(iso_year + date::years{1}) - iso_week_one(iso_year))
          .count() /
      7);
}

// The digits of text[from, from + count), or nothing when one is not a
// digit (from_chars would also take a sign).
std::optional<int> digits(std::string_view text, size_t from, size_t count) {
  int n = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

}  // namespace

std::string_view grain_name(Grain grain) {
  switch (grain) {
    case Grain::Week:
      return "week";
    case Grain::Day:
      return "day";
    case Grain::Month:
      break;
  }
  return "month";
}

std::string_view id_pattern(Grain grain) {
  switch (grain) {
    case Grain::Week:
      return "YYYY-Www";
    case Grain::Day:
      return "YYYY-MM-DD";
    case Grain::Month:
      break;
  }
  return "YYYY-MM";
}

date::local_days CalendarPeriod::end() const { return plus(1).first; }

CalendarPeriod CalendarPeriod::plus(int n) const {
  switch (grain) {
    case Grain::Week:
      return {grain, first + date::days{7 * n}};
    case Grain::Day:
      return {grain, first + date::days{n}};
    case Grain::Month:
      break;
  }
  const date::year_month_day ymd{first};
  return {grain, date::local_days{(ymd.year() / ymd.month() + date::months{n}) /
                                  date::day{1}}};
}

std::string CalendarPeriod::id() const {
  const date::year_month_day ymd{first};
  switch (grain) {
    case Grain::Week: {
      const date::year year = iso_year_of(first);
      const auto week = (first - iso_week_one(year)).count() / 7 + 1;
      return fmt::format("{:04}-W{:02}", int(year), week);
    }
    case Grain::Day:
      return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()),
                         unsigned(ymd.month()), unsigned(ymd.day()));
    case Grain::Month:
      break;
  }
  return fmt::format("{:04}-{:02}", int(ymd.year()), unsigned(ymd.month()));
}

CalendarPeriod CalendarPeriod::a_year_before() const {
  switch (grain) {
    case Grain::Week: {
      const date::year year = iso_year_of(first);
      const auto week = (first - iso_week_one(year)).count() / 7;
      const date::year before = year - date::years{1};
      const auto kept = std::min<long>(week, weeks_in(before) - 1);
      return {grain, iso_week_one(before) + date::days{7 * kept}};
    }
    case Grain::Day: {
      const date::year_month_day ymd{first};
      date::year_month_day back{ymd.year() - date::years{1}, ymd.month(),
                                ymd.day()};
      if (!back.ok())  // 29 February
        back = date::year_month_day_last{back.year(),
                                         date::month_day_last{back.month()}};
      return {grain, date::local_days{back}};
    }
    case Grain::Month:
      break;
  }
  return plus(-12);
}

CalendarPeriod period_of(Grain grain, date::local_days day) {
  switch (grain) {
    case Grain::Week:
      return {grain, monday_of(day)};
    case Grain::Day:
      return {grain, day};
    case Grain::Month:
      break;
  }
  const date::year_month_day ymd{day};
  return {grain, date::local_days{ymd.year() / ymd.month() / date::day{1}}};
}

std::optional<CalendarPeriod> parse_period_id(Grain grain,
                                              std::string_view text) {
  const std::string_view pattern = id_pattern(grain);
  if (text.size() != pattern.size() || text[4] != '-') return std::nullopt;
  const auto year = digits(text, 0, 4);
  if (!year) return std::nullopt;
  const date::year y{*year};
  if (grain == Grain::Week) {
    const auto week = text[5] == 'W' ? digits(text, 6, 2) : std::nullopt;
    if (!week || *week < 1 || *week > weeks_in(y)) return std::nullopt;
    return CalendarPeriod{grain, iso_week_one(y) + date::days{7 * (*week - 1)}};
  }
  const auto month = digits(text, 5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  int day = 1;
  if (grain == Grain::Day) {
    const auto d = text[7] == '-' ? digits(text, 8, 2) : std::nullopt;
    if (!d) return std::nullopt;
    day = *d;
  }
  const date::year_month_day ymd{y, date::month(static_cast<unsigned>(*month)),
                                 date::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return CalendarPeriod{grain, date::local_days{ymd}};
}

}  // namespace vigie::table
