#include "call_tracker.hpp"

#include <algorithm>
#include <utility>

#include "event_layout.hpp"
#include "field_text.hpp"

namespace vigie::queue_log {
namespace {

// The seconds of a figure into `out`: left empty when the line has none
// (older Asterisk versions write fewer data fields on some events); false,
// with the reason, when the field holds anything but a number.
bool read_seconds(const Figure& figure, std::string_view meaning,
                  std::optional<int64_t>& out, std::string& problem) {
  out.reset();
  if (figure.text.empty()) return true;
  out = whole_number(figure.text, kMaxSeconds);
  if (out) return true;
  problem = "expected " + std::string(meaning) + " in " +
            std::string(figure.field) + ", got " + quoted(figure.text);
  return false;
}

constexpr std::string_view kHoldTime =
    "the holdtime (seconds waited before an agent answered)";
constexpr std::string_view kCallTime =
    "the calltime (seconds the agent had the call)";
constexpr std::string_view kWaitTime =
    "the waittime (seconds waited before leaving the queue)";

std::string last_event_text(std::string_view event, int64_t line) {
  return "last event " + std::string(event) + " at line " +
         std::to_string(line);
}

}  // namespace

void CallTracker::take(const QueueEvent& event, std::vector<CallRow>& out) {
  switch (event.role) {
    case EventRole::kNotACall:
      return;
    case EventRole::kRestart:
      restart(event, out);
      return;
    default:
      break;
  }
  // Queue-wide events carry no call.
  if (event.callid.empty() || event.callid == "NONE") return;
  if (event.role == EventRole::kEnter) {
    enter(event, out);
    return;
  }
  const bool ends = event.role == EventRole::kAnsweredEnd ||
                    event.role == EventRole::kUnansweredEnd;
  auto call = open_.find(event.callid);
  if (call == open_.end()) {
    // An end with no start: the call entered before the file begins (a
    // rotated log), or ended twice. Counted, never made into a call.
    if (ends)
      out.push_back(CallRow::rejected(
          event.line, std::string(event.name) + " of call " +
                          std::string(event.callid) +
                          ", which is not in a queue at this point of the "
                          "file (no ENTERQUEUE before it, or its call "
                          "already ended)"));
    return;
  }
  OpenCall& open = call->second;
  open.last_event = event.name;
  open.last_line = event.line;
  switch (event.role) {
    case EventRole::kConnect:
      // A second CONNECT (not written by app_queue) keeps the first's wait.
      if (!open.connected) {
        std::string problem;
        if (!read_seconds(event.hold, kHoldTime, open.hold, problem)) {
          leave_out(call, event, problem, out);
          return;
        }
        open.connected = true;
        open.agent = event.agent;
      }
      return;
    case EventRole::kAnsweredEnd:
      end(call, event, true, out);
      return;
    case EventRole::kUnansweredEnd:
      end(call, event, false, out);
      return;
    default:  // RINGNOANSWER and the like: part of the call, not its end
      return;
  }
}

void CallTracker::enter(const QueueEvent& event, std::vector<CallRow>& out) {
  auto call = open_.find(event.callid);
  if (call != open_.end()) {
    // app_queue ends a call's stay in a queue before the call can enter
    // another: the earlier stay lost its end (a crash, a lost line).
    const OpenCall& earlier = call->second;
    out.push_back(CallRow::rejected(
        earlier.enter_line,
        "call " + call->first + " entered queue " + quoted(event.queue) +
            " again at line " + std::to_string(event.line) +
            " before this stay in " + quoted(earlier.queue) + " ended: " +
            last_event_text(earlier.last_event, earlier.last_line)));
    open_.erase(call);
  }
  OpenCall& open = open_[std::string(event.callid)];
  open.enter_line = event.line;
  open.epoch = event.epoch;
  open.queue = event.queue;
  open.caller = event.caller;
  open.last_event = event.name;
  open.last_line = event.line;
}

void CallTracker::end(Calls::iterator call, const QueueEvent& event,
                      bool answered, std::vector<CallRow>& out) {
  const OpenCall& open = call->second;
  CallRow row;
  std::string problem;
  if (answered) {
    row.outcome = "answered";
    if (!read_seconds(event.talk, kCallTime, row.handle_s, problem)) {
      leave_out(call, event, problem, out);
      return;
    }
    // The wait is CONNECT's holdtime; an end without a CONNECT before it
    // carries its own.
    if (open.connected)
      row.wait_s = open.hold;
    else if (!read_seconds(event.hold, kHoldTime, row.wait_s, problem)) {
      leave_out(call, event, problem, out);
      return;
    }
  } else {
    row.outcome = "abandoned";
    if (!read_seconds(event.wait, kWaitTime, row.wait_s, problem)) {
      leave_out(call, event, problem, out);
      return;
    }
    row.handle_s = 0;
  }
  auto node = open_.extract(call);
  OpenCall& ended = node.mapped();
  row.line = ended.enter_line;
  row.call_id = std::move(node.key());
  row.started_at = ended.epoch;
  row.queue = std::move(ended.queue);
  row.caller = std::move(ended.caller);
  if (ended.connected)
    row.agent = std::move(ended.agent);
  else if (answered)
    row.agent = event.agent;
  row.end_event = event.name;
  out.push_back(std::move(row));
}

void CallTracker::leave_out(Calls::iterator call, const QueueEvent& event,
                            const std::string& problem,
                            std::vector<CallRow>& out) {
  out.push_back(CallRow::rejected(
      event.line, std::string(event.name) + " of call " + call->first + ": " +
                      problem + "; the call (entered at line " +
                      std::to_string(call->second.enter_line) +
                      ") is left out"));
  open_.erase(call);
}

std::vector<const CallTracker::Calls::value_type*> CallTracker::in_entry_order()
    const {
  std::vector<const Calls::value_type*> calls;
  calls.reserve(open_.size());
  for (const auto& entry : open_) calls.push_back(&entry);
  std::sort(calls.begin(), calls.end(), [](const auto* a, const auto* b) {
    return a->second.enter_line < b->second.enter_line;
  });
  return calls;
}

void CallTracker::restart(const QueueEvent& event, std::vector<CallRow>& out) {
  // QUEUESTART is written when app_queue loads, that is when Asterisk
  // starts: no call of before survived it.
  for (const auto* entry : in_entry_order())
    out.push_back(CallRow::rejected(
        entry->second.enter_line,
        "call never ended: the queues restarted (QUEUESTART at line " +
            std::to_string(event.line) + ") after its " +
            last_event_text(entry->second.last_event, entry->second.last_line) +
            " (callid " + entry->first + ")"));
  open_.clear();
}

void CallTracker::finish(std::vector<CallRow>& out) {
  for (const auto* entry : in_entry_order())
    out.push_back(CallRow::rejected(
        entry->second.enter_line,
        "call still open at the end of the file: " +
            last_event_text(entry->second.last_event, entry->second.last_line) +
            " (callid " + entry->first + ", queue " +
            quoted(entry->second.queue) + ")"));
  open_.clear();
}

}  // namespace vigie::queue_log
