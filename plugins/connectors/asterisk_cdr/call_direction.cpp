#include "call_direction.hpp"

#include <stdexcept>

namespace vigie::asterisk_cdr {
namespace {

std::vector<pages::PagePattern> patterns(const std::vector<std::string>& texts,
                                         const char* option) {
  std::vector<pages::PagePattern> out;
  for (const auto& text : texts) {
    try {
      out.emplace_back(text);
    } catch (const std::exception&) {
      throw std::runtime_error("option '" + std::string(option) +
                               "': the pattern '" + text +
                               "' is empty or has an empty alternative");
    }
  }
  return out;
}

bool any_matches(const std::vector<pages::PagePattern>& patterns,
                 std::string_view text) {
  for (const auto& p : patterns)
    if (p.matches(text)) return true;
  return false;
}

}  // namespace

CallDirection::CallDirection(const DirectionRules& rules)
    : inbound_contexts_(patterns(rules.inbound_contexts, "inbound_contexts")),
      outbound_contexts_(
          patterns(rules.outbound_contexts, "outbound_contexts")),
      trunk_channels_(patterns(rules.trunk_channels, "trunk_channels")) {}

bool CallDirection::is_trunk(std::string_view channel) const {
  return !channel.empty() && any_matches(trunk_channels_, channel);
}

std::string_view CallDirection::of(std::string_view first_context,
                                   std::string_view first_channel,
                                   bool dialled_trunk) const {
  if (any_matches(outbound_contexts_, first_context)) return "outbound";
  if (any_matches(inbound_contexts_, first_context)) return "inbound";
  if (is_trunk(first_channel)) return "inbound";
  if (dialled_trunk) return "outbound";
  if (inbound_contexts_.empty() && trunk_channels_.empty()) return "inbound";
  return "internal";
}

}  // namespace vigie::asterisk_cdr
