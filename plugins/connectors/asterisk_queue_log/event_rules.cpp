#include "event_rules.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace vigie::queue_log {
namespace {

using Role = EventRole;

// Sorted by name (checked below) for a binary search. Data positions are
// those Asterisk writes:
//   ENTERQUEUE       url|callerid
//   CONNECT          holdtime|bridged uniqueid|ringtime
//   COMPLETE*        holdtime|calltime|origposition
//   TRANSFER, BLINDTRANSFER  extension|context|holdtime|calltime|origposition
//   ATTENDEDTRANSFER method|method data|holdtime|calltime|origposition
//   ABANDON, EXITEMPTY, EXITWITHTIMEOUT  position|origposition|waittime
//   EXITWITHKEY      key|position|origposition|waittime
constexpr std::pair<std::string_view, EventRule> kRules[] = {
    {"ABANDON", {Role::kUnansweredEnd, 0, 0, 3, 0}},
    {"ADDMEMBER", {Role::kNotACall}},
    {"AGENTCALLBACKLOGIN", {Role::kNotACall}},
    {"AGENTCALLBACKLOGOFF", {Role::kNotACall}},
    {"AGENTLOGIN", {Role::kNotACall}},
    {"AGENTLOGOFF", {Role::kNotACall}},
    {"ATTENDEDTRANSFER", {Role::kAnsweredEnd, 3, 4, 0, 0}},
    {"BLINDTRANSFER", {Role::kAnsweredEnd, 3, 4, 0, 0}},
    {"COMPLETEAGENT", {Role::kAnsweredEnd, 1, 2, 0, 0}},
    {"COMPLETECALLER", {Role::kAnsweredEnd, 1, 2, 0, 0}},
    {"CONFIGRELOAD", {Role::kNotACall}},
    {"CONNECT", {Role::kConnect, 1, 0, 0, 0}},
    {"ENTERQUEUE", {Role::kEnter, 0, 0, 0, 2}},
    {"EXITEMPTY", {Role::kUnansweredEnd, 0, 0, 3, 0}},
    {"EXITWITHKEY", {Role::kUnansweredEnd, 0, 0, 4, 0}},
    {"EXITWITHTIMEOUT", {Role::kUnansweredEnd, 0, 0, 3, 0}},
    {"PAUSE", {Role::kNotACall}},
    {"PAUSEALL", {Role::kNotACall}},
    {"PENALTY", {Role::kNotACall}},
    {"QUEUESTART", {Role::kRestart}},
    {"REMOVEMEMBER", {Role::kNotACall}},
    {"TRANSFER", {Role::kAnsweredEnd, 3, 4, 0, 0}},
    {"UNPAUSE", {Role::kNotACall}},
    {"UNPAUSEALL", {Role::kNotACall}},
};

constexpr bool by_name(const std::pair<std::string_view, EventRule>& a,
                       const std::pair<std::string_view, EventRule>& b) {
  return a.first < b.first;
}
static_assert(std::is_sorted(std::begin(kRules), std::end(kRules), by_name));

}  // namespace

EventRule rule_of(std::string_view event) {
  // PBXware logs its agents' outbound calls (OUTDIAL, OUTANSWER, OUTCANCEL,
  // OUTCHANUNAVAIL, OUTCONGESTION, OUTTRANSFER, ...) in the same log, under
  // callids that never enter a queue: they are not queue calls.
  if (event.starts_with("OUT")) return {EventRole::kNotACall};
  auto it = std::lower_bound(std::begin(kRules), std::end(kRules),
                             std::pair<std::string_view, EventRule>{event, {}},
                             by_name);
  if (it != std::end(kRules) && it->first == event) return it->second;
  return {EventRole::kCallHistory};
}

}  // namespace vigie::queue_log
