#include "marketing_spend.hpp"

namespace crm_tables {

using vigie::sdk::WideInt;

MarketingSpend::MarketingSpend(const vigie::TableView& spend,
                               const vigie::sdk::LocalMonths& months)
    : months_(months) {
  const auto& month = spend.column("month");
  // Read by cac_by_channel only: the run lends it to that KPI alone.
  const vigie::ColumnView* channel = spend.find("channel");
  const auto& amount = spend.column("spend");
  // Months are typed at ingest (a bad one is a reject of its row): codes
  // of vigie/sdk/calendar_month.hpp.
  const int64_t* codes = month.ints();
  const int64_t* amounts = amount.ints();
  for (int64_t i = 0; i < spend.rows(); ++i) {
    if (!month.is_valid(i) || !amount.is_valid(i)) continue;
    rows_.push_back(Row{
        codes[i], channel && channel->is_valid(i) ? channel->string_at(i) : "",
        amounts[i]});
  }
}

std::optional<WideInt> MarketingSpend::total_in(int64_t from,
                                                int64_t to) const {
  const auto span = months_.whole_months(from, to);
  if (!span) return std::nullopt;
  WideInt total = 0;
  for (const Row& r : rows_)
    if (r.month >= span->first && r.month < span->second) total += r.spend;
  return total;
}

std::optional<std::map<std::string, WideInt, std::less<>>>
MarketingSpend::by_channel_in(int64_t from, int64_t to) const {
  const auto span = months_.whole_months(from, to);
  if (!span) return std::nullopt;
  std::map<std::string, WideInt, std::less<>> out;
  for (const Row& r : rows_)
    if (r.month >= span->first && r.month < span->second)
      out[std::string(r.channel)] += r.spend;
  return out;
}

}  // namespace crm_tables
