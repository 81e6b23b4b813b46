// The two written forms of a queue_log, each turning the fields of one of
// its records into a QueueEvent: the raw file Asterisk writes
// (raw_layout.cpp) and PBXware's database export (export_layout.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "queue_event.hpp"

namespace vigie::queue_log {

// The latest epoch accepted: 9999-12-31T23:59:59Z, the last second an ISO
// date of four year digits can say.
constexpr int64_t kMaxEpoch = 253402300799;
// The longest duration accepted as a figure: about 31 years in seconds.
constexpr int64_t kMaxSeconds = 999999999;

class EventLayout {
 public:
  virtual ~EventLayout() = default;
  // Fills `event` from the fields of the record at `line`. False when the
  // record cannot be an event, with what was expected in `problem`.
  virtual bool read(const std::vector<std::string_view>& fields, int64_t line,
                    QueueEvent& event, std::string& problem) const = 0;
};

// epoch|callid|queue|agent|event|data1|data2|...
std::unique_ptr<EventLayout> raw_layout();

// The header's columns found by name (uid, date_time, callid, queue_name,
// type, event, param1..3, entpos, expos, htime, ttime, time); throws naming
// `origin`:1 when one the connector reads is missing.
std::unique_ptr<EventLayout> export_layout(
    const std::vector<std::string>& header, const std::string& origin);

}  // namespace vigie::queue_log
