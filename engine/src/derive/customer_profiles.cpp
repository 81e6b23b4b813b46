#include "derive/customer_profiles.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "vigie/sdk/kernels/group_by.hpp"
#include "vigie/sdk/kernels/order_book.hpp"
#include "vigie/sdk/kernels/orders.hpp"
#include "vigie/sdk/kernels/rfm.hpp"
#include "vigie/sdk/kernels/stitching.hpp"
#include "vigie/sdk/viewed_table.hpp"

namespace vigie::derive {
namespace {

using sdk::ViewedTable;
namespace k = sdk::kernels;

using Datasets = std::map<std::string, std::shared_ptr<const Table>>;

std::unique_ptr<ViewedTable> view_of(const Datasets& datasets,
                                     const std::string& name) {
  auto it = datasets.find(name);
  if (it == datasets.end()) return nullptr;
  return std::make_unique<ViewedTable>(it->second);
}

// True when t is in [from, to).
bool within(int64_t t, int64_t from, int64_t to) { return t >= from && t < to; }

// Calls are inbound unless their direction says otherwise (DATA-MODEL.md,
// calls.direction).
bool inbound(const ColumnView* direction, int64_t row) {
  return direction == nullptr || !direction->is_valid(row) ||
         direction->string_at(row) == "inbound";
}

// experience_profile: the mean csat of the customer's answers in the year
// before as_of, read as the catalog's four words. Survey answers and the
// csat of calls both count, as the experience section counts them
// (docs/kpi-choices.md, "calls.csat counts in csat" and "What an answer
// is"): a csat outside 1..5 is no answer, and only inbound calls' ratings
// are answers.
class ExperienceProfile {
 public:
  explicit ExperienceProfile(size_t customers)
      : sum_(customers, 0), count_(customers, 0) {}
  void add_surveys(const TableView* surveys, int64_t from, int64_t to) {
    add(surveys, "ts", from, to, false);
  }
  void add_calls(const TableView* calls, int64_t from, int64_t to) {
    add(calls, "started_at", from, to, true);
  }
  std::string_view of(size_t customer) const {
    if (count_[customer] == 0) return "unknown";
    const double mean = static_cast<double>(sum_[customer]) /
                        static_cast<double>(count_[customer]);
    if (mean >= 4.5) return "very positive";
    if (mean >= 3.5) return "positive";
    if (mean >= 2.5) return "not very positive";
    return "very negative";
  }

 private:
  void add(const TableView* table, std::string_view time_column, int64_t from,
           int64_t to, bool inbound_only) {
    if (table == nullptr) return;
    const ColumnView* customer = table->find("customer_id");
    const ColumnView* time = table->find(time_column);
    const ColumnView* csat = table->find("csat");
    const ColumnView* direction =
        inbound_only ? table->find("direction") : nullptr;
    if (customer == nullptr || time == nullptr || csat == nullptr) return;
    for (int64_t row = 0; row < table->rows(); ++row) {
      if (!customer->is_valid(row) || !time->is_valid(row) ||
          !csat->is_valid(row) || !within(time->ints()[row], from, to) ||
          !inbound(direction, row))
        continue;
      const int64_t score = csat->ints()[row];
      if (score < 1 || score > 5) continue;
      const auto c = static_cast<size_t>(customer->codes()[row]);
      if (c >= sum_.size()) continue;
      sum_[c] += score;
      ++count_[c];
    }
  }

  std::vector<int64_t> sum_, count_;
};

// consumption_profile: the category with the largest net amount of the
// customer's lines in the window (ties: the name ascending); "none" when no
// category has an amount > 0.
std::vector<std::string_view> consumption_profiles(const TableView& orders,
                                                   size_t customers,
                                                   int64_t from, int64_t to) {
  std::vector<std::string_view> out(customers, "none");
  const ColumnView* category = orders.find("category");
  const ColumnView* customer_id = orders.find("customer_id");
  if (category == nullptr || customer_id == nullptr) return out;
  const ColumnView& ordered_at = orders.column("ordered_at");
  const ColumnView& amount = orders.column("amount");
  const auto categories = static_cast<size_t>(category->dictionary_size());
  // Net amount by (customer, category), sparse: a customer buys in few.
  std::unordered_map<int64_t, sdk::WideInt> net;
  for (int64_t row = 0; row < orders.rows(); ++row) {
    if (!customer_id->is_valid(row) || !category->is_valid(row) ||
        !ordered_at.is_valid(row) || !amount.is_valid(row) ||
        !within(ordered_at.ints()[row], from, to))
      continue;
    const auto c = static_cast<int64_t>(customer_id->codes()[row]);
    net[c * static_cast<int64_t>(categories) + category->codes()[row]] +=
        amount.ints()[row];
  }
  std::vector<sdk::WideInt> best(customers, 0);
  for (const auto& [key, sum] : net) {
    const auto c = static_cast<size_t>(key / static_cast<int64_t>(categories));
    const auto name =
        category->dictionary_at(static_cast<int32_t>(key % categories));
    if (c >= customers || sum <= 0 || name.empty()) continue;
    if (sum > best[c] || (sum == best[c] && name < out[c])) {
      best[c] = sum;
      out[c] = name;
    }
  }
  return out;
}

// preferred_channel: the channel of most interactions in the window: web
// sessions of the stitched person by device (`app` for the app, `web`
// otherwise), inbound calls (`phone`), purchases by their order's channel.
class ChannelCounts {
 public:
  explicit ChannelCounts(size_t customers) : customers_(customers) {}
  void add(size_t customer, std::string_view channel) {
    if (customer < customers_ && !channel.empty())
      ++counts_[index(channel)][customer];
  }
  std::string_view preferred(size_t customer) const {
    std::string_view best = "unknown";
    int64_t most = 0;
    for (size_t c = 0; c < names_.size(); ++c) {
      const int64_t n = counts_[c][customer];
      if (n > most || (n == most && n > 0 && names_[c] < best)) {
        most = n;
        best = names_[c];
      }
    }
    return best;
  }

 private:
  // A handful of channels (web, app, phone and the order channels): a
  // column of counts each, found by a linear search, so that counting an
  // interaction allocates nothing.
  size_t index(std::string_view channel) {
    for (size_t c = 0; c < names_.size(); ++c)
      if (names_[c] == channel) return c;
    names_.emplace_back(channel);
    counts_.emplace_back(customers_, 0);
    return names_.size() - 1;
  }

  size_t customers_;
  std::vector<std::string> names_;
  std::vector<std::vector<int64_t>> counts_;  // by channel, then customer
};

void count_sessions(const Datasets& datasets, int64_t from, int64_t to,
                    ChannelCounts& channels) {
  auto sessions = view_of(datasets, "sessions");
  auto links = view_of(datasets, "visitor_links");
  auto web = datasets.find("web_events");
  if (!sessions || !links || web == datasets.end()) return;
  // The size of the visitor dictionary, read from the engine's table: web
  // events are not exported for it.
  const Column* visitors = web->second->find("visitor_id");
  if (visitors == nullptr || !visitors->dictionary) return;
  const TableView& s = sessions->view();
  const k::Stitching stitching(links->view(), visitors->dictionary->size());
  const std::vector<int32_t> person = stitching.persons_at(to);
  const ColumnView& visitor = s.column("visitor_id");
  const ColumnView& started = s.column("started_at");
  const ColumnView& device = s.column("device");
  for (int64_t row = 0; row < s.rows(); ++row) {
    if (!within(started.ints()[row], from, to)) continue;
    const int32_t customer = person[static_cast<size_t>(visitor.codes()[row])];
    if (customer == k::kNone) continue;
    const bool app = device.is_valid(row) && device.string_at(row) == "app";
    channels.add(static_cast<size_t>(customer), app ? "app" : "web");
  }
}

void count_calls(const TableView* calls, int64_t from, int64_t to,
                 ChannelCounts& channels) {
  if (calls == nullptr) return;
  const ColumnView* customer = calls->find("customer_id");
  if (customer == nullptr) return;
  const ColumnView& started = calls->column("started_at");
  const ColumnView* direction = calls->find("direction");
  for (int64_t row = 0; row < calls->rows(); ++row) {
    if (!customer->is_valid(row) || !started.is_valid(row) ||
        !within(started.ints()[row], from, to))
      continue;
    if (!inbound(direction, row)) continue;
    channels.add(static_cast<size_t>(customer->codes()[row]), "phone");
  }
}

// Purchases (orders of total > 0, at their earliest line) by the channel
// of that earliest line; an order without a channel counts nowhere.
void count_purchases(const TableView& orders, int64_t from, int64_t to,
                     ChannelCounts& channels) {
  const ColumnView* channel = orders.find("channel");
  const ColumnView* customer_id = orders.find("customer_id");
  if (channel == nullptr || customer_id == nullptr) return;
  const ColumnView& ordered_at = orders.column("ordered_at");
  const auto customers = static_cast<int32_t>(customer_id->dictionary_size());
  const std::vector<int32_t> line_customer =
      k::line_customers(customer_id, ordered_at.size());
  const k::GroupKeys keys =
      k::order_keys(orders.column("order_id"), ordered_at);
  k::MinMax time(keys.group_count(), ordered_at);
  k::Sum total(keys.group_count(), orders.column("amount"));
  k::FirstCode buyer(keys.group_count(), ordered_at,
                     k::CodeSource(line_customer, customers));
  k::FirstCode first_channel(keys.group_count(), ordered_at, *channel);
  k::aggregate(keys, time, total, buyer, first_channel);
  for (int32_t o = 0; o < keys.group_count(); ++o) {
    if (!time.min(o) || !within(*time.min(o), from, to) ||
        total[o].wide() <= 0 || buyer[o] == k::kNone ||
        first_channel[o] == k::kNone)
      continue;
    channels.add(static_cast<size_t>(buyer[o]),
                 channel->dictionary_at(first_channel[o]));
  }
}

}  // namespace

Table build_customer_profiles(const Datasets& datasets,
                              const ProfileOptions& options) {
  auto orders_table = datasets.find("orders");
  if (orders_table == datasets.end())
    throw std::invalid_argument("customer_profiles are derived from orders");
  const ViewedTable orders_view(orders_table->second);
  const TableView& orders = orders_view.view();
  const ColumnView& customer_id = orders.column("customer_id");
  const auto customers = static_cast<size_t>(customer_id.dictionary_size());
  const int64_t as_of = options.as_of_us;
  const int64_t year = 365 * kMicrosPerDay;

  const k::OrderBook book(orders);
  const std::vector<int32_t> id_order = k::byte_order_of_ids(customer_id);
  const k::RfmRanking ranking(
      book, id_order, as_of, options.rfm_window_days * kMicrosPerDay,
      static_cast<int32_t>(options.segment_names.size()));
  const std::vector<k::RfmScore> scores = ranking.scores();

  auto surveys = view_of(datasets, "surveys");
  auto calls = view_of(datasets, "calls");
  ExperienceProfile experience(customers);
  experience.add_surveys(surveys ? &surveys->view() : nullptr, as_of - year,
                         as_of);
  experience.add_calls(calls ? &calls->view() : nullptr, as_of - year, as_of);
  const auto consumption =
      consumption_profiles(orders, customers, as_of - year, as_of);
  const int64_t quarter = 90 * kMicrosPerDay;
  ChannelCounts channels(customers);
  count_sessions(datasets, as_of - quarter, as_of, channels);
  count_calls(calls ? &calls->view() : nullptr, as_of - quarter, as_of,
              channels);
  count_purchases(orders, as_of - quarter, as_of, channels);

  Table out;
  Column& id = out.add("customer_id", Type::Dictionary);
  id.dictionary = orders_table->second->find("customer_id")->dictionary;
  Column& segment = out.add("value_segment", Type::String);
  Column& rfm = out.add("rfm_score", Type::String);
  Column& feeling = out.add("experience_profile", Type::String);
  Column& category = out.add("consumption_profile", Type::String);
  Column& channel = out.add("preferred_channel", Type::String);
  for (size_t c = 0; c < customers; ++c) {
    const auto code = static_cast<int32_t>(c);
    id.push_code(code);
    if (const int32_t at = ranking.position(code); at >= 0) {
      const auto& r = ranking.ranked()[static_cast<size_t>(at)];
      const auto& s = scores[static_cast<size_t>(at)];
      segment.push_string(
          options.segment_names[static_cast<size_t>(r.segment)]);
      const std::array<char, 3> digits = {static_cast<char>('0' + s.r),
                                          static_cast<char>('0' + s.f),
                                          static_cast<char>('0' + s.m)};
      rfm.push_string({digits.data(), digits.size()});
    } else {
      segment.push_null();
      rfm.push_null();
    }
    feeling.push_string(experience.of(c));
    category.push_string(consumption[c]);
    channel.push_string(channels.preferred(c));
  }
  return out;
}

}  // namespace vigie::derive
