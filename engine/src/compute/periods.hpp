// The report's periods: calendar months in the report's time zone, turned
// into UTC instants once, here, so that indicators only compare integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "table/month.hpp"

namespace vigie::compute {

using table::Month;

struct Period {
  Month month;
  int64_t start_us = 0;     // local midnight of the 1st, as UTC
  int64_t end_us = 0;       // local midnight of the next 1st
  std::string label;        // "octobre 2026" (fr) / "October 2026"
  std::string short_label;  // "oct. 26" / "Oct 26"
};

// Every period of a report lies in these years: wide enough for any
// business history, narrow enough that a typo ("0202-10") or an absurd
// plan is refused rather than computed.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;

// The report period from the command line: --period YYYY-MM wins; else
// --as-of YYYY-MM-DD gives the last full month before that day; else the
// last full month before today in the time zone. Throws
// std::invalid_argument for an empty or malformed value, or a year
// outside kFirstYear..kLastYear.
Month report_month(const std::optional<std::string>& period,
                   const std::optional<std::string>& as_of,
                   const std::string& time_zone);

// `count` consecutive months ending with `last` (oldest first). Throws
// std::invalid_argument when one of them falls outside
// kFirstYear..kLastYear.
std::vector<Period> month_periods(Month last, int count,
                                  const std::string& time_zone,
                                  const std::string& locale);

}  // namespace vigie::compute
