// The exact text of a table cell for exports (JSON, CSV): decimals without
// rounding, timestamps in ISO 8601 in the report's time zone with offset.
#pragma once

#include <chrono>
#include <string>

#include "vigie/sdk/column.hpp"

namespace vigie::output {

// Nothing for a null; `time_zone` is an IANA name.
std::string cell_text(const Column& column, int64_t row,
                      const std::string& time_zone);

// "12.34", "-0.5", "17850": a scaled decimal without trailing zeros.
std::string decimal_text(int64_t scaled);

// "2026-10-03T14:05:09+02:00".
std::string timestamp_text(int64_t micros, const std::string& time_zone);

// How far `time_zone`'s clocks are from UTC at the instant `micros`: the
// local wall-clock time is micros + offset.
std::chrono::seconds zone_offset(int64_t micros, const std::string& time_zone);

}  // namespace vigie::output
