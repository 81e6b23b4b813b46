#include "channel_credit.hpp"

#include <algorithm>

namespace attribution {

using vigie::sdk::kernels::Event;
using vigie::sdk::kernels::kNone;
using vigie::sdk::kernels::safe_ratio;

// The channel of each source code, and the channels' names: a source is
// named by `source_channels`, or is its own channel.
ChannelCredit::Channels ChannelCredit::name_channels(
    const vigie::ColumnView& sources,
    const std::map<std::string, std::string>& source_channels) {
  Channels out;
  std::map<std::string, int32_t, std::less<>> slot_of_name;
  const auto count = static_cast<int32_t>(sources.dictionary_size());
  out.slot_of_source.resize(static_cast<size_t>(count));
  for (int32_t code = 0; code < count; ++code) {
    const std::string source(sources.dictionary_at(code));
    const auto mapped = source_channels.find(source);
    const std::string& name =
        mapped != source_channels.end() ? mapped->second : source;
    auto [at, added] =
        slot_of_name.try_emplace(name, static_cast<int32_t>(out.names.size()));
    if (added) out.names.push_back(name);
    out.slot_of_source[static_cast<size_t>(code)] = at->second;
  }
  out.names.emplace_back(kNoSource);
  out.names.emplace_back(kNoTouchpoint);
  return out;
}

ChannelCredit::ChannelCredit(
    std::span<const Conversion> conversions, const PersonSessions& sessions,
    Window window, const std::map<std::string, std::string>& source_channels)
    : channels_(name_channels(sessions.sources(), source_channels)),
      slots_(static_cast<int32_t>(channels_.names.size())),
      credit_(static_cast<size_t>(kModelCount * slots_)),
      reached_(static_cast<size_t>(slots_), 0) {
  const int32_t no_source = slots_ - 2;
  const int32_t no_touchpoint = slots_ - 1;
  // One buffer for the weights of every conversion, grown to the most
  // touchpoints seen: nothing is allocated a conversion.
  std::vector<double> weights;
  for (const Conversion& c : conversions) {
    const double total = static_cast<double>(c.total) /
                         static_cast<double>(vigie::kDecimalScale);
    const double margin = static_cast<double>(c.margin) /
                          static_cast<double>(vigie::kDecimalScale);
    const std::span<const Event> touchpoints =
        sessions.starting_in(c.customer, c.time - window.length, c.time);
    if (touchpoints.empty()) {
      reached_[static_cast<size_t>(no_touchpoint)] = 1;
      for (Model model : kModels) {
        Credited& to = credit_[static_cast<size_t>(
            static_cast<int>(model) * slots_ + no_touchpoint)];
        to.conversions += 1;
        to.revenue += total;
        to.margin += margin;
      }
      continue;
    }
    if (weights.size() < touchpoints.size()) weights.resize(touchpoints.size());
    for (Model model : kModels) {
      split_credit(model, touchpoints, c.time, window.half_life, weights);
      for (size_t i = 0; i < touchpoints.size(); ++i) {
        const int32_t source = sessions.source(touchpoints[i].row);
        const int32_t slot =
            source == kNone
                ? no_source
                : channels_.slot_of_source[static_cast<size_t>(source)];
        reached_[static_cast<size_t>(slot)] = 1;
        Credited& to = credit_[static_cast<size_t>(
            static_cast<int>(model) * slots_ + slot)];
        to.conversions += weights[i];
        to.revenue += weights[i] * total;
        to.margin += weights[i] * margin;
      }
    }
  }
}

std::string_view ChannelCredit::channel(int32_t slot) const {
  return channels_.names[static_cast<size_t>(slot)];
}

std::vector<std::string_view> new_customer_channels(
    const OrderConversions& book,
    const crm_tables::CustomerDirectory& directory, int64_t start,
    int64_t end) {
  std::vector<std::string_view> out;
  const int32_t customers = std::min(book.customer_count(), directory.size());
  for (int32_t c = 0; c < customers; ++c) {
    const auto first = book.first_purchase(c);
    if (!first || *first < start || *first >= end) continue;
    if (auto channel = directory.acquisition_channel(c))
      out.push_back(*channel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// A channel of the table: the credit slot of that name, if a conversion
// reached it.
struct Channel {
  std::string_view name;
  int32_t slot;  // kNone: spend only
};

std::vector<Channel> table_channels(const ChannelCredit& credit,
                                    const SpendFacts& facts) {
  std::vector<Channel> channels;
  for (int32_t slot = 0; slot < credit.slot_count(); ++slot)
    if (credit.reached(slot)) channels.push_back({credit.channel(slot), slot});
  if (facts.spend)
    for (const auto& entry : *facts.spend) {
      const std::string_view name = entry.first;
      const bool credited =
          std::any_of(channels.begin(), channels.end(),
                      [&](const Channel& c) { return c.name == name; });
      if (!credited) channels.push_back({name, kNone});
    }
  std::sort(channels.begin(), channels.end(),
            [](const Channel& a, const Channel& b) { return a.name < b.name; });
  return channels;
}

void push(vigie::Column& column, std::optional<double> value) {
  if (value)
    column.push_double(*value);
  else
    column.push_null();
}

}  // namespace

vigie::Table attribution_table(const ChannelCredit& credit,
                               const SpendFacts& facts) {
  const std::vector<Channel> channels = table_channels(credit, facts);
  vigie::Table out;
  auto& model_column = out.add("model", vigie::Type::String);
  auto& channel_column = out.add("channel", vigie::Type::String);
  auto& conversions = out.add("conversions", vigie::Type::Double);
  auto& revenue = out.add("revenue", vigie::Type::Double, "currency");
  auto& spend_column = out.add("spend", vigie::Type::Decimal);
  auto& roas = out.add("roas", vigie::Type::Double, "multiple");
  auto& roi = out.add("roi", vigie::Type::Double, "ratio");
  auto& long_term = out.add("long_term_value", vigie::Type::Double, "multiple");
  const double scale = static_cast<double>(vigie::kDecimalScale);
  for (Model model : kModels) {
    for (const Channel& channel : channels) {
      const Credited credited =
          channel.slot == kNone ? Credited{} : credit.at(model, channel.slot);
      model_column.push_string(model_name(model));
      channel_column.push_string(channel.name);
      conversions.push_double(credited.conversions);
      revenue.push_double(credited.revenue);
      // A channel without spend in P has no return (nor has any channel
      // when P is not made of whole months).
      std::optional<int64_t> spent;
      if (facts.spend) {
        auto found = facts.spend->find(channel.name);
        if (found != facts.spend->end())
          spent = vigie::sdk::narrow(found->second, "attribution spend");
      }
      if (!spent) {
        spend_column.push_null();
        roas.push_null();
        roi.push_null();
        long_term.push_null();
        continue;
      }
      spend_column.push_int(*spent);
      const double amount = static_cast<double>(*spent) / scale;
      push(roas, safe_ratio(credited.revenue, amount));
      push(roi, facts.has_margin ? safe_ratio(credited.margin - amount, amount)
                                 : std::nullopt);
      const auto [lo, hi] =
          std::equal_range(facts.new_customer_channels.begin(),
                           facts.new_customer_channels.end(), channel.name);
      const auto new_customers = static_cast<double>(hi - lo);
      push(long_term,
           facts.clv_margin
               ? safe_ratio(*facts.clv_margin * new_customers, amount)
               : std::nullopt);
    }
  }
  return out;
}

}  // namespace attribution
