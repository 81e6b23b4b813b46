// Calendar months of the report's time zone, for a plugin that is given
// its periods as UTC instants: the monthly marketing spend falls in a
// period only when the period is made of whole months, and the predictive
// CLV averages the churn of the twelve calendar months before as_of.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace date {
class time_zone;
}

namespace customer_base {

class LocalMonths {
 public:
  // `time_zone`: the report's (the request's), an IANA name. Throws
  // std::runtime_error naming it when the time-zone database lacks it.
  explicit LocalMonths(const std::string& time_zone);

  // The months [first, end), as codes of vigie/sdk/calendar_month.hpp,
  // that [from, to) is made of; nothing when `from` or `to` is not the
  // local midnight that starts a month (a week, a day).
  std::optional<std::pair<int64_t, int64_t>> whole_months(int64_t from,
                                                          int64_t to) const;

  // The 13 boundaries b0 < ... < b12 = as_of of the 12 calendar months
  // that end at as_of: b(k) is as_of's local date moved back 12 - k months
  // (the day clamped to the month's length) at as_of's local time of day.
  std::vector<int64_t> twelve_months_to(int64_t as_of) const;

 private:
  const date::time_zone* zone_;
};

}  // namespace customer_base
