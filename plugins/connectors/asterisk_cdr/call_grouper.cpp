#include "call_grouper.hpp"

#include <algorithm>
#include <utility>

namespace vigie::asterisk_cdr {

CallGrouper::CallGrouper(int64_t window_seconds, CallDirection direction,
                         std::string time_suffix)
    : window_(window_seconds),
      direction_(std::move(direction)),
      time_suffix_(std::move(time_suffix)) {}

// The first channel's leg describes the call; without one (no linkedid,
// or the first channel's row not read yet), the earliest leg, the first
// read on a tie.
void CallGrouper::describe(OpenCall& call, const Leg& leg) const {
  call.described_by_first_channel = leg.is_first_channel;
  call.described_start = leg.start;
  call.queue.assign(leg.queue);
  call.caller_number.assign(leg.caller_number);
  call.context.assign(leg.context);
  call.channel.assign(leg.channel);
}

std::optional<std::string> CallGrouper::add(const Leg& leg,
                                            std::vector<Call>& done) {
  auto it = open_.find(leg.key);
  if (it != open_.end() && leg.keyed_by_channel &&
      leg.start > it->second.last_end) {
    // A channel name is unique while the channel lives: a leg that starts
    // after every leg of the call ended is a new channel under a name
    // used again (Asterisk restarted and counts from 0 again).
    done.push_back(close(it->first, it->second));
    open_.erase(it);
    it = open_.end();
  }
  if (it == open_.end()) {
    if (!leg.keyed_by_channel) {
      if (auto closed = closed_.find(leg.key); closed != closed_.end())
        return "a leg of call " + closed->first + ", which started at " +
               closed->second +
               ", read after the call was written: it ended more than "
               "call_window_hours (" +
               std::to_string(window_ / 3600) +
               ") after the call started, or the file is not in the order "
               "Asterisk writes it";
    }
    OpenCall call;
    call.generation = next_generation_++;
    call.keyed_by_channel = leg.keyed_by_channel;
    call.first_line = leg.line;
    call.start = leg.start;
    call.start_text.assign(leg.start_text);
    call.last_end = leg.end;
    describe(call, leg);
    it = open_.emplace(std::string(leg.key), std::move(call)).first;
    due_.push({leg.start, it->second.generation, it->first});
  } else {
    OpenCall& call = it->second;
    if (leg.start < call.start) {
      call.start = leg.start;
      call.start_text.assign(leg.start_text);
      due_.push({leg.start, call.generation, it->first});
    }
    call.last_end = std::max(call.last_end, leg.end);
    if (leg.is_first_channel ? !call.described_by_first_channel ||
                                   leg.start < call.described_start
                             : !call.described_by_first_channel &&
                                   leg.start < call.described_start)
      describe(call, leg);
  }
  OpenCall& call = it->second;
  if (leg.answer) {
    call.first_answer = call.first_answer
                            ? std::min(*call.first_answer, *leg.answer)
                            : *leg.answer;
    call.billsec += leg.billsec;
  }
  call.dialled_trunk = call.dialled_trunk || leg.dials_trunk;
  // A leg far longer than any call (a clock that jumped) moves the
  // watermark by one window at most, so that it cannot close every open
  // call at once.
  watermark_ = std::max(watermark_, std::min(leg.end, leg.start + window_));
  close_due(done);
  return std::nullopt;
}

void CallGrouper::close_due(std::vector<Call>& done) {
  while (!due_.empty() && due_.top().start < watermark_ - window_) {
    const Due top = due_.top();
    due_.pop();
    auto it = open_.find(top.key);
    if (it == open_.end() || it->second.generation != top.generation ||
        it->second.start != top.start)
      continue;  // stale: closed already, or due earlier by a newer entry
    done.push_back(close(it->first, it->second));
    if (!it->second.keyed_by_channel) remember_closed(it->first, it->second);
    open_.erase(it);
  }
  forget_expired();
}

void CallGrouper::remember_closed(const std::string& key,
                                  const OpenCall& call) {
  closed_.insert_or_assign(key, call.start_text);
  closed_expiry_.emplace_back(call.start + 2 * window_, key);
}

void CallGrouper::forget_expired() {
  while (!closed_expiry_.empty() && closed_expiry_.front().first < watermark_) {
    closed_.erase(closed_expiry_.front().second);
    closed_expiry_.pop_front();
  }
}

void CallGrouper::finish(std::vector<Call>& done) {
  std::vector<std::pair<const std::string*, OpenCall*>> rest;
  rest.reserve(open_.size());
  for (auto& [key, call] : open_) rest.emplace_back(&key, &call);
  std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
    return a.second->start != b.second->start
               ? a.second->start < b.second->start
               : a.second->generation < b.second->generation;
  });
  for (const auto& [key, call] : rest) done.push_back(close(*key, *call));
  open_.clear();
  due_ = {};
}

Call CallGrouper::close(const std::string& key, OpenCall& call) const {
  Call out;
  std::string iso_start = call.start_text;
  std::replace(iso_start.begin(), iso_start.end(), ' ', 'T');
  // Without an id in the file, the channel and its start name the call.
  out.call_id = call.keyed_by_channel ? key + "@" + iso_start : key;
  out.started_at = iso_start + time_suffix_;
  out.direction = direction_.of(call.context, call.channel, call.dialled_trunk);
  out.queue = std::move(call.queue);
  out.answered = call.first_answer.has_value();
  // Across a change back from summer time the wall clock runs back an
  // hour: a negative wait is unknown rather than a wrong number.
  const int64_t wait =
      (out.answered ? *call.first_answer : call.last_end) - call.start;
  if (wait >= 0) out.wait_s = wait;
  out.handle_s = out.answered ? call.billsec : 0;
  out.caller_number = std::move(call.caller_number);
  out.line = call.first_line;
  return out;
}

}  // namespace vigie::asterisk_cdr
