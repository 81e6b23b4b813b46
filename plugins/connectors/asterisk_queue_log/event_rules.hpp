// What each queue_log event means for a call, in one table: whether it
// starts, answers or ends one, and where the raw file writes its figures
// (Asterisk's doc/queue_log and app_queue.c).
#pragma once

#include <string_view>

namespace vigie::queue_log {

enum class EventRole {
  kNotACall,       // queue and agent bookkeeping, PBXware's OUT* events
  kRestart,        // QUEUESTART: app_queue (re)started, no call survived
  kEnter,          // ENTERQUEUE: a call arrives in a queue
  kConnect,        // CONNECT: an agent answered
  kAnsweredEnd,    // COMPLETE*, transfers: the answered call left the queue
  kUnansweredEnd,  // ABANDON, EXIT*: the call left without an agent
  kCallHistory,    // anything else on a call (RINGNOANSWER, ...): no end
};

struct EventRule {
  EventRole role = EventRole::kCallHistory;
  // 1-based positions among data1, data2, ... of the raw line; 0: none.
  int hold = 0;
  int talk = 0;
  int wait = 0;
  int caller = 0;
};

EventRule rule_of(std::string_view event);

}  // namespace vigie::queue_log
