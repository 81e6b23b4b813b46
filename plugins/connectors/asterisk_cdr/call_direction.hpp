// Whether a call came in, went out or stayed inside the PBX, from rules an
// administrator writes in a line or two: patterns of dialplan contexts
// (where the PBX routed the call's first leg) and of trunk channel names
// (the lines to the outside world). A pattern is a text in which `*`
// matches any run of characters (`from-trunk*`, `PJSIP/ovh-*`); `|`
// separates alternatives.
//
// The first rule that applies gives the direction:
//   1. the first leg's context matches outbound_contexts: outbound;
//   2. it matches inbound_contexts: inbound;
//   3. the first leg's channel matches trunk_channels: inbound (it came in
//      through a trunk); a leg dialled a channel of trunk_channels:
//      outbound;
//   4. otherwise inbound when neither inbound_contexts nor trunk_channels
//      is given (nothing says what inbound looks like: every call not
//      outbound is, as the data model's default), else internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "page_pattern.hpp"

namespace vigie::asterisk_cdr {

struct DirectionRules {
  std::vector<std::string> inbound_contexts;
  std::vector<std::string> outbound_contexts;
  std::vector<std::string> trunk_channels;
};

class CallDirection {
 public:
  // Throws std::runtime_error naming the option of an empty pattern.
  explicit CallDirection(const DirectionRules& rules);

  // Whether a channel name is a trunk's.
  bool is_trunk(std::string_view channel) const;
  // `inbound`, `outbound` or `internal`.
  std::string_view of(std::string_view first_context,
                      std::string_view first_channel, bool dialled_trunk) const;

 private:
  std::vector<pages::PagePattern> inbound_contexts_;
  std::vector<pages::PagePattern> outbound_contexts_;
  std::vector<pages::PagePattern> trunk_channels_;
};

}  // namespace vigie::asterisk_cdr
