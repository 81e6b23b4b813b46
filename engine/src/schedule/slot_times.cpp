#include "schedule/slot_times.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace vigie::schedule {
namespace {

const date::time_zone* find_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    throw std::invalid_argument(
        fmt::format("unknown time zone '{}': expected an IANA name such as "
                    "Europe/Paris",
                    name));
  }
}

}  // namespace

Schedule::Schedule(std::string_view expression, std::string_view zone_name)
    : Schedule(CronExpression::parse(expression), zone_name) {}

Schedule::Schedule(CronExpression cron, std::string_view zone_name)
    : Schedule(std::move(cron), find_zone(zone_name)) {}

Schedule::Schedule(CronExpression cron, const date::time_zone* zone)
    : cron_(std::move(cron)), zone_(zone) {
  if (zone_ == nullptr) throw std::invalid_argument("no time zone given");
}

std::chrono::sys_seconds Schedule::instant_of(date::local_seconds local) const {
  date::local_info info = zone_->get_info(local);
  if (info.result == date::local_info::nonexistent)
    return info.second.begin;  // the first instant after the gap
  // Unique, or the first occurrence of a repeated time (first is the
  // period before the clocks went back).
  return std::chrono::sys_seconds{local.time_since_epoch()} - info.first.offset;
}

std::optional<Slot> Schedule::next_slot(std::chrono::sys_seconds t) const {
  // instant_of() never decreases as the local time grows, so every local
  // time up to t's own gives an instant <= t: start after it.
  date::local_seconds local_t = zone_->to_local(t);
  std::optional<date::local_seconds> local = cron_.next_local(local_t);
  while (local) {
    std::chrono::sys_seconds at = instant_of(*local);
    if (at > t) return Slot{at, *local};
    // Only when t is in the second pass of a repeated hour: the matches
    // left in that hour ran in its first pass. Jump past the repeat.
    date::local_info info = zone_->get_info(*local);
    date::local_seconds next_from = *local;
    if (info.result == date::local_info::ambiguous)
      next_from =
          date::local_seconds{
              (info.second.begin + info.first.offset).time_since_epoch()} -
          std::chrono::seconds{1};
    local = cron_.next_local(next_from);
  }
  return std::nullopt;
}

std::optional<std::chrono::sys_seconds> Schedule::next_after(
    std::chrono::sys_seconds t) const {
  std::optional<Slot> slot = next_slot(t);
  if (!slot) return std::nullopt;
  return slot->at;
}

std::vector<Slot> Schedule::slots_between(
    std::chrono::sys_seconds from_exclusive,
    std::chrono::sys_seconds to_inclusive, size_t limit) const {
  std::vector<Slot> slots;
  std::chrono::sys_seconds t = from_exclusive;
  while (slots.size() < limit) {
    std::optional<Slot> slot = next_slot(t);
    if (!slot || slot->at > to_inclusive) break;
    slots.push_back(*slot);
    t = slot->at;
  }
  return slots;
}

std::vector<Slot> Schedule::next_slots(std::chrono::sys_seconds after,
                                       size_t n) const {
  std::vector<Slot> slots;
  std::chrono::sys_seconds t = after;
  while (slots.size() < n) {
    std::optional<Slot> slot = next_slot(t);
    if (!slot) break;
    slots.push_back(*slot);
    t = slot->at;
  }
  return slots;
}

}  // namespace vigie::schedule
