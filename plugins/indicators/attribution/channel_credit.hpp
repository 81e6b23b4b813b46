// The credit each model gives each channel for the conversions of P
// (KPI-CATALOG.md section 5), and the table of it with the return on
// marketing spend.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "credit_models.hpp"
#include "customer_directory.hpp"
#include "order_conversions.hpp"
#include "person_sessions.hpp"

namespace attribution {

// The channel of a session without a source, and of a conversion without
// any touchpoint (the catalog's name).
inline constexpr std::string_view kNoSource = "(no source)";
inline constexpr std::string_view kNoTouchpoint = "(none)";

struct Credited {
  double conversions = 0;
  double revenue = 0;  // currency units
  double margin = 0;
};

// Credit by model and channel slot: one slot a channel (a source, or the
// channel `source_channels` gives it), then kNoSource, then kNoTouchpoint.
class ChannelCredit {
 public:
  struct Window {
    int64_t length;    // microseconds looked back from a conversion
    double half_life;  // time_decay's, microseconds
  };
  ChannelCredit(std::span<const Conversion> conversions,
                const PersonSessions& sessions, Window window,
                const std::map<std::string, std::string>& source_channels);

  int32_t slot_count() const { return slots_; }
  std::string_view channel(int32_t slot) const;
  const Credited& at(Model model, int32_t slot) const {
    return credit_[static_cast<size_t>(static_cast<int>(model) * slots_ +
                                       slot)];
  }
  // Whether some conversion reached the channel (a touchpoint of it, or a
  // conversion without touchpoint for kNoTouchpoint).
  bool reached(int32_t slot) const {
    return reached_[static_cast<size_t>(slot)] != 0;
  }

 private:
  struct Channels {
    std::vector<std::string> names;       // by channel slot
    std::vector<int32_t> slot_of_source;  // by source code
  };
  static Channels name_channels(
      const vigie::ColumnView& sources,
      const std::map<std::string, std::string>& source_channels);

  Channels channels_;
  int32_t slots_;
  std::vector<Credited> credit_;  // model x slot
  std::vector<uint8_t> reached_;  // by slot
};

// What the return on spend needs beside the credit, for P.
struct SpendFacts {
  // Spend by channel over the months of P, scaled by 10^4; none when there
  // is no marketing_spend dataset or P is not made of whole months.
  std::optional<std::map<std::string, vigie::sdk::WideInt, std::less<>>> spend;
  // Whether orders have a margin column (roi needs it).
  bool has_margin = false;
  // customer_base's clv_margin at P's as_of; none without margins.
  std::optional<double> clv_margin;
  // The acquisition channel of each customer whose first purchase ever is
  // in P (customers without a channel left out), sorted.
  std::vector<std::string_view> new_customer_channels;
};

// The new customers' channels of P, sorted.
std::vector<std::string_view> new_customer_channels(
    const OrderConversions& book,
    const crm_tables::CustomerDirectory& directory, int64_t start, int64_t end);

// One row a (model, channel): the models in the catalog's order, in each
// the same channels by name, those a conversion of P reached and those
// with spend in P. Columns: model, channel, conversions, revenue, spend,
// roas, roi, long_term_value.
vigie::Table attribution_table(const ChannelCredit& credit,
                               const SpendFacts& facts);

}  // namespace attribution
