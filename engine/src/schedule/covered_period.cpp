#include "schedule/covered_period.hpp"

#include <fmt/format.h>

#include "table/calendar_period.hpp"

#include <stdexcept>

namespace vigie::schedule {
namespace {

using table::Grain;

std::string day_text(date::local_days day) {
  return table::CalendarPeriod{Grain::Day, day}.id();
}

// The whole period of the grain before the one holding `day`.
CoveredPeriod previous(Grain grain, date::local_days day) {
  const auto p = table::period_of(grain, day).plus(-1);
  return {p.first, p.end()};
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
  const date::local_days day = date::floor<date::days>(slot_local);
  switch (covers) {
    case Covers::PreviousMonth:
      return previous(Grain::Month, day);
    case Covers::PreviousIsoWeek:
      return previous(Grain::Week, day);
    case Covers::PreviousDay:
      return previous(Grain::Day, day);
    case Covers::MonthToDate: {
      const auto month = table::period_of(Grain::Month, day);
      if (day == month.first) return previous(Grain::Month, day);
      return {month.first, day};
    }
  }
  throw std::invalid_argument("unknown period kind");
}

std::string period_text(const CoveredPeriod& period) {
  for (auto grain :
       {table::Grain::Month, table::Grain::Week, table::Grain::Day}) {
    const auto whole = table::period_of(grain, period.first);
    if (whole.first == period.first && whole.end() == period.end)
      return whole.id();
  }
  return day_text(period.first) + ".." + day_text(period.end - date::days{1});
}

}  // namespace vigie::schedule
