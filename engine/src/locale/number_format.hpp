// Numbers as a reader of the report expects them in its locale.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "locale/locale.hpp"

namespace vigie::locale {

// unit: "currency" (2 decimals and the currency sign), "count" (no
// decimals), "ratio" (as a percentage, 1 decimal), "days" (1 decimal),
// anything else (up to 2 decimals). No value prints the catalog's
// "value.none" ("n/a").
std::string format_value(std::optional<double> v, const std::string& unit,
                         const Locale& locale);

// Up to `max_decimals` (0..2) decimals, trailing zeros dropped ("2,5", "3").
std::string format_number(double v, int max_decimals, const Locale& locale);

// Exactly `decimals` (0..2) decimals ("2,50"): the figures of one table
// column, aligned on their decimal mark.
std::string format_fixed(double v, int decimals, const Locale& locale);

// The fewest decimals (0..2) that write `v` as format_number(v, 2) does.
int decimals_needed(double v);

// An instant (µs since the epoch, UTC) in the locale's time zone, to the
// minute: "2026-10-31 23:00", the same in every language.
std::string format_local_time(int64_t instant_us, const Locale& locale);

// A relative change as a signed percentage ("+4,2 %"); for a ratio unit,
// the absolute change in points ("+1,3 pt").
std::string format_change(std::optional<double> absolute,
                          std::optional<double> relative,
                          const std::string& unit, const Locale& locale);

// Short axis labels: 1 200 000 -> "1,2 M", 12 500 -> "12,5 k".
std::string format_axis(double v, const std::string& unit,
                        const Locale& locale);

// The labels of one axis, all in the magnitude of the largest tick, so
// that they read as one series: 900 000 and 1 200 000 as "0,9 M" and
// "1,2 M" (not "900 k" and "1,2 M"); zero is "0" whatever the magnitude.
std::vector<std::string> format_axis_ticks(const std::vector<double>& ticks,
                                           const std::string& unit,
                                           const Locale& locale);

}  // namespace vigie::locale
