// One event of a queue_log, whichever form it was read from (the raw file
// or a database export): what the call tracker needs of it, as views into
// the reader's buffer, valid until the next line is read.
#pragma once

#include <cstdint>
#include <string_view>

#include "event_rules.hpp"

namespace vigie::queue_log {

// A duration an event carries, as written, and the field it was read from,
// for messages ("data1", "htime"). An empty text: the line has none.
struct Figure {
  std::string_view text;
  std::string_view field;
};

struct QueueEvent {
  int64_t line = 0;   // where the event is in the file, for messages
  int64_t epoch = 0;  // seconds since 1970-01-01 UTC
  std::string_view callid;
  std::string_view queue;
  std::string_view agent;
  std::string_view name;                     // ENTERQUEUE, CONNECT, ...
  EventRole role = EventRole::kCallHistory;  // what the name means
  std::string_view caller;  // the caller id an ENTERQUEUE gives
  Figure hold;              // seconds waited before an agent answered
  Figure talk;              // seconds an agent had the call
  Figure wait;              // seconds waited before leaving unanswered
};

}  // namespace vigie::queue_log
