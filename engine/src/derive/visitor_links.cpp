#include "derive/visitor_links.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace vigie::derive {
namespace {

struct CustomerCount {
  int32_t customer;
  int64_t events;
};

// A visitor's identified events so far, by customer: a handful of entries
// at most in practice, so a flat vector searched linearly beats any map.
// Reused from one visitor to the next: no allocation once it has grown.
class Frequencies {
 public:
  explicit Frequencies(const StringPool& customers) : customers_(customers) {}

  void clear() {
    counts_.clear();
    touched_.clear();
    leader_ = -1;
  }
  void count(int32_t customer) {
    size_t i = 0;
    while (i < counts_.size() && counts_[i].customer != customer) ++i;
    if (i == counts_.size()) counts_.push_back({customer, 0});
    ++counts_[i].events;
    touched_.push_back(i);
  }
  // Ends a group of events of equal ts; returns the leader after it. Counts
  // only grow, so only a customer counted in this group can overtake the
  // leader.
  int32_t close_group() {
    for (size_t i : touched_)
      if (leader_ < 0 ||
          leads(counts_[i], counts_[static_cast<size_t>(leader_)]))
        leader_ = static_cast<int64_t>(i);
    touched_.clear();
    return leader_ < 0 ? -1 : counts_[static_cast<size_t>(leader_)].customer;
  }

 private:
  bool leads(const CustomerCount& a, const CustomerCount& b) const {
    if (a.events != b.events) return a.events > b.events;
    return customers_.at(a.customer) < customers_.at(b.customer);
  }
  const StringPool& customers_;
  std::vector<CustomerCount> counts_;
  std::vector<size_t> touched_;
  int64_t leader_ = -1;  // index into counts_
};

std::shared_ptr<const StringPool> pool_of(const Column* column) {
  if (column != nullptr && column->dictionary) return column->dictionary;
  return std::make_shared<const StringPool>();
}

}  // namespace

Table build_visitor_links(const Table& web_events, const VisitorOrder& order) {
  const Column* visitor = web_events.find("visitor_id");
  const Column* customer = web_events.find("customer_id");
  Table links;
  Column& visitor_out = links.add("visitor_id", Type::Dictionary);
  Column& customer_out = links.add("customer_id", Type::Dictionary);
  Column& since_out = links.add("since", Type::Timestamp);
  visitor_out.dictionary = pool_of(visitor);
  customer_out.dictionary = pool_of(customer);
  if (customer == nullptr) return links;

  Frequencies frequencies(*customer_out.dictionary);
  for (int32_t v = 0; v < order.visitors(); ++v) {
    const auto begin = order.offsets[static_cast<size_t>(v)];
    const auto end = order.offsets[static_cast<size_t>(v) + 1];
    frequencies.clear();
    int32_t linked = -1;
    for (auto i = begin; i < end;) {
      const int64_t t = order.ts[static_cast<size_t>(i)];
      bool any = false;
      for (; i < end && order.ts[static_cast<size_t>(i)] == t; ++i) {
        const int32_t c = order.customer(i);
        if (c < 0) continue;
        frequencies.count(c);
        any = true;
      }
      if (!any) continue;
      const int32_t leader = frequencies.close_group();
      if (leader == linked) continue;
      linked = leader;
      visitor_out.codes.push_back(v);
      customer_out.codes.push_back(leader);
      since_out.ints.push_back(t);
    }
  }
  return links;
}

}  // namespace vigie::derive
