// Turns the events of a queue_log, in file order, into calls: a call is a
// callid from its ENTERQUEUE to the event that ends it. The only state kept
// across lines is the calls open at that point of the file (entered, not
// yet ended), so memory follows the calls in progress, not the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "queue_event.hpp"

namespace vigie::queue_log {

// A row for the engine: a finished call, or a reject (`reject` not empty)
// naming what went wrong; `line` is the call's ENTERQUEUE line, or the
// line of the event the reject is about.
struct CallRow {
  int64_t line = 0;
  std::string reject;
  std::string call_id;
  int64_t started_at = 0;  // epoch of the ENTERQUEUE
  std::string queue;
  std::string outcome;  // answered, abandoned
  std::optional<int64_t> wait_s;
  std::optional<int64_t> handle_s;
  std::string caller;
  std::string agent;
  std::string end_event;

  static CallRow rejected(int64_t line, std::string reason) {
    CallRow row;
    row.line = line;
    row.reject = std::move(reason);
    return row;
  }
};

class CallTracker {
 public:
  // Takes the next event of the file; appends to `out` the call it ends,
  // or the rejects it causes.
  void take(const QueueEvent& event, std::vector<CallRow>& out);
  // At the end of the file: every call still open, as a reject, in the
  // order the calls entered their queue.
  void finish(std::vector<CallRow>& out);
  size_t open_calls() const { return open_.size(); }

 private:
  struct OpenCall {
    int64_t enter_line = 0;
    int64_t epoch = 0;
    std::string queue;
    std::string caller;
    std::string agent;
    std::optional<int64_t> hold;  // from CONNECT
    bool connected = false;
    std::string last_event;
    int64_t last_line = 0;
  };
  // Heterogeneous lookup: a callid of the reader's buffer is looked up
  // without being copied.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  using Calls =
      std::unordered_map<std::string, OpenCall, Hash, std::equal_to<>>;

  void enter(const QueueEvent& event, std::vector<CallRow>& out);
  void restart(const QueueEvent& event, std::vector<CallRow>& out);
  void end(Calls::iterator call, const QueueEvent& event, bool answered,
           std::vector<CallRow>& out);
  void leave_out(Calls::iterator call, const QueueEvent& event,
                 const std::string& problem, std::vector<CallRow>& out);
  std::vector<const Calls::value_type*> in_entry_order() const;

  Calls open_;
};

}  // namespace vigie::queue_log
