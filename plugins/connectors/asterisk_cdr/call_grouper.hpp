// The legs (CDR rows) of one call gathered into one call, with a bounded
// memory. Asterisk writes a leg's row when the leg ends, so the rows of a
// call come close together, possibly between other calls' rows, and in the
// order their legs ended. A call stays open until a row has been read that
// ends more than `window` seconds after the call started (its "watermark"):
// by then every leg of a call shorter than the window has ended, so has
// been written. Memory is the calls started within the last window, and
// the ids of the calls closed within the window before (to catch a leg
// that comes after its call was written), never the file.
#pragma once

#include <climits>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "call_direction.hpp"

namespace vigie::asterisk_cdr {

// What one leg tells of its call; the views live until add() returns.
struct Leg {
  // What the rows of a call share: the linkedid, else the uniqueid, else
  // (cdr_csv's 16 fields carry neither) the caller's channel name.
  std::string_view key;
  bool keyed_by_channel = false;
  // The leg is the call's first channel (its uniqueid is the linkedid):
  // its caller, context and channel describe the call.
  bool is_first_channel = false;
  int64_t line = 0;
  int64_t start = 0;  // wall-clock seconds (cdr_time.hpp)
  std::string_view start_text;
  int64_t end = 0;
  std::optional<int64_t> answer;  // an answered leg's answer time
  int64_t billsec = 0;
  std::string_view queue;
  std::string_view caller_number;
  std::string_view context;
  std::string_view channel;
  bool dials_trunk = false;
};

// One row of the calls dataset.
struct Call {
  std::string call_id;
  std::string started_at;  // ISO 8601 text
  std::string_view direction;
  std::string queue;
  bool answered = false;
  std::optional<int64_t> wait_s;
  int64_t handle_s = 0;
  std::string caller_number;
  int64_t line = 0;  // the line of the call's first row in the file
};

class CallGrouper {
 public:
  // `time_suffix` follows every started_at: "Z" when the file's times are
  // UTC, else nothing (the report's time zone applies).
  CallGrouper(int64_t window_seconds, CallDirection direction,
              std::string time_suffix);

  // Adds a leg; the calls it completes go to `done`. Returns a reason to
  // reject the leg instead: it belongs to a call already written.
  std::optional<std::string> add(const Leg& leg, std::vector<Call>& done);
  // Every open call, at the end of the file, in the order they started.
  void finish(std::vector<Call>& done);

  size_t open_calls() const { return open_.size(); }

 private:
  struct OpenCall {
    uint64_t generation = 0;
    bool keyed_by_channel = false;
    int64_t first_line = 0;
    int64_t start = 0;
    std::string start_text;
    int64_t last_end = 0;
    std::optional<int64_t> first_answer;
    int64_t billsec = 0;
    bool dialled_trunk = false;
    // Of the leg that describes the call: the first channel's, else the
    // earliest leg's.
    bool described_by_first_channel = false;
    int64_t described_start = 0;
    std::string queue;
    std::string caller_number;
    std::string context;
    std::string channel;
  };
  // When an open call is due: a heap entry, stale once its call has been
  // closed or has started earlier (then a newer entry stands for it).
  struct Due {
    int64_t start;
    uint64_t generation;
    std::string key;
    bool operator>(const Due& o) const {
      return start != o.start ? start > o.start : generation > o.generation;
    }
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  using CallMap =
      std::unordered_map<std::string, OpenCall, StringHash, std::equal_to<>>;

  void describe(OpenCall& call, const Leg& leg) const;
  Call close(const std::string& key, OpenCall& call) const;
  void close_due(std::vector<Call>& done);
  void remember_closed(const std::string& key, const OpenCall& call);
  void forget_expired();

  int64_t window_;
  CallDirection direction_;
  std::string time_suffix_;
  CallMap open_;
  std::priority_queue<Due, std::vector<Due>, std::greater<>> due_;
  uint64_t next_generation_ = 0;
  int64_t watermark_ = INT64_MIN;
  // The ids of calls closed (with their start, for messages), until the
  // watermark passes their start by two windows; a leg of one of them is
  // rejected rather than written as a second call under the same id.
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>
      closed_;
  std::deque<std::pair<int64_t, std::string>> closed_expiry_;
};

}  // namespace vigie::asterisk_cdr
