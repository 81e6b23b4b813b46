#include "schedule/covered_period.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace vigie::schedule {
namespace {

date::local_days monday_of(date::local_days day) {
  return day - (date::weekday{day} - date::Monday);
}

std::string day_text(date::local_days day) {
  date::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()),
                     unsigned(ymd.month()), unsigned(ymd.day()));
}

}  // namespace

Covers parse_covers(std::string_view text) {
  if (text == "previous_month") return Covers::PreviousMonth;
  if (text == "previous_week") return Covers::PreviousIsoWeek;
  if (text == "previous_day") return Covers::PreviousDay;
  if (text == "month_to_date") return Covers::MonthToDate;
  throw std::invalid_argument(
      fmt::format("unknown period '{}': expected previous_month, "
                  "previous_week, previous_day or month_to_date",
                  text));
}

std::string_view covers_name(Covers covers) {
  switch (covers) {
    case Covers::PreviousMonth:
      return "previous_month";
    case Covers::PreviousIsoWeek:
      return "previous_week";
    case Covers::PreviousDay:
      return "previous_day";
    case Covers::MonthToDate:
      return "month_to_date";
  }
  return "previous_month";
}

CoveredPeriod covered_period(Covers covers, date::local_seconds slot_local) {
  date::local_days day = date::floor<date::days>(slot_local);
  date::year_month_day ymd{day};
  date::local_days month_start{ymd.year() / ymd.month() / 1};
  date::local_days previous_month_start{
      (ymd.year() / ymd.month() - date::months{1}) / 1};
  switch (covers) {
    case Covers::PreviousMonth:
      return {previous_month_start, month_start};
    case Covers::PreviousIsoWeek: {
      date::local_days monday = monday_of(day);
      return {monday - date::days{7}, monday};
    }
    case Covers::PreviousDay:
      return {day - date::days{1}, day};
    case Covers::MonthToDate:
      if (day == month_start) return {previous_month_start, month_start};
      return {month_start, day};
  }
  throw std::invalid_argument("unknown period kind");
}

std::string period_text(const CoveredPeriod& period) {
  date::year_month_day first{period.first};
  if (first.day() == date::day{1} &&
      period.end == date::local_days{
                        (first.year() / first.month() + date::months{1}) / 1})
    return fmt::format("{:04}-{:02}", int(first.year()),
                       unsigned(first.month()));
  if (date::weekday{period.first} == date::Monday &&
      period.end == period.first + date::days{7}) {
    // The ISO week belongs to the year of its Thursday.
    date::local_days thursday = period.first + date::days{3};
    date::year iso_year = date::year_month_day{thursday}.year();
    auto week = (thursday - date::local_days{iso_year / 1 / 1}).count() / 7 + 1;
    return fmt::format("{:04}-W{:02}", int(iso_year), week);
  }
  if (period.end == period.first + date::days{1}) return day_text(period.first);
  return day_text(period.first) + ".." + day_text(period.end - date::days{1});
}

}  // namespace vigie::schedule
