#include "funnel_hits.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace vigie::funnel {

namespace {

using namespace sdk::kernels;

// A dictionary column of the dataset, or null when the data has none (page
// and action are optional columns of web_events).
const ColumnView* text_column(const TableView& table, std::string_view dataset,
                              std::string_view name) {
  const ColumnView* column = table.find(name);
  if (column != nullptr && column->type() != Type::Dictionary)
    throw std::runtime_error(std::string(dataset) + "." + std::string(name) +
                             " must be a text column");
  return column;
}

// The steps of kind `kind` each code of `column` matches.
template <class Matches>
std::vector<StepMask> masks_of_codes(const ColumnView* column,
                                     const FunnelParameters& parameters,
                                     StepKind kind, Matches matches) {
  std::vector<StepMask> masks;
  if (column == nullptr) return masks;
  masks.resize(static_cast<size_t>(column->dictionary_size()), 0);
  for (size_t code = 0; code < masks.size(); ++code) {
    const std::string_view text =
        column->dictionary_at(static_cast<int32_t>(code));
    for (size_t s = 0; s < parameters.steps.size(); ++s) {
      const Step& step = parameters.steps[s];
      if (step.kind == kind && matches(step, text))
        masks[code] |= StepMask{1} << s;
    }
  }
  return masks;
}

// The code of `text` in a column's dictionary, or -1.
int32_t code_of(const ColumnView* column, std::string_view text) {
  if (column == nullptr) return -1;
  for (int32_t code = 0; code < column->dictionary_size(); ++code)
    if (column->dictionary_at(code) == text) return code;
  return -1;
}

StepMask mask_at(const std::vector<StepMask>& masks, const ColumnView* column,
                 int64_t row) {
  if (column == nullptr || !column->is_valid(row)) return 0;
  return masks[static_cast<size_t>(column->codes()[row])];
}

// The person key of a customer or of a lone visitor (Stitching::person_key,
// over a customer range that also covers the customers of orders).
struct PersonKeys {
  int64_t customers;
  int32_t of_customer(int32_t customer) const { return customer; }
  int32_t of_visitor(int32_t visitor) const {
    return static_cast<int32_t>(customers + visitor);
  }
};

void add_web_hits(const FunnelParameters& parameters, const TableView& web,
                  const Stitching& stitching, const PersonKeys& keys,
                  const PeriodIndex& periods, Hits& hits) {
  const ColumnView& ts = web.column("ts");
  const CodeSource visitors(web.column("visitor_id"));
  const ColumnView* type = text_column(web, "web_events", "event_type");
  const ColumnView* page = text_column(web, "web_events", "page");
  const ColumnView* action = text_column(web, "web_events", "action");
  const auto same = [](const Step& s, std::string_view t) {
    return s.value == t;
  };
  const auto covers = [](const Step& s, std::string_view t) {
    return s.page->matches(t);
  };
  const std::vector<StepMask> by_type =
      masks_of_codes(type, parameters, StepKind::EventType, same);
  const std::vector<StepMask> by_page =
      masks_of_codes(page, parameters, StepKind::Page, covers);
  const std::vector<StepMask> by_action =
      masks_of_codes(action, parameters, StepKind::Action, same);
  // A page step is a page_view of the page; an action step an `action`
  // event of the code (the data model gives `page` and `action` that
  // meaning on those types only).
  const int32_t page_view = code_of(type, "page_view");
  const int32_t action_event = code_of(type, "action");

  const std::vector<int32_t> period_of_row = periods.assign(ts);
  for (int64_t row = 0; row < ts.size(); ++row) {
    const int32_t p = period_of_row[static_cast<size_t>(row)];
    const int32_t visitor = visitors[row];
    if (p == kNone || visitor < 0 || type == nullptr || !type->is_valid(row))
      continue;
    const int32_t t = type->codes()[row];
    StepMask matched = by_type[static_cast<size_t>(t)];
    if (t == page_view) matched |= mask_at(by_page, page, row);
    if (t == action_event) matched |= mask_at(by_action, action, row);
    if (matched == 0) continue;
    const int32_t customer =
        stitching.person(visitor, periods[static_cast<size_t>(p)].end_us);
    hits.add(p,
             customer != kNone ? keys.of_customer(customer)
                               : keys.of_visitor(visitor),
             ts.ints()[row], matched);
  }
}

// Purchases (DATA-MODEL.md): an order's time is its earliest line, its
// total the sum of its lines, its customer that of its earliest identified
// line; it is a purchase when the total is > 0. The same reading as
// customer_base's OrderBook, so that both indicators count the same
// purchases. A purchase belongs to its customer; an anonymous one to no
// person.
void add_purchase_hits(const FunnelParameters& parameters,
                       const TableView& orders, const PersonKeys& keys,
                       const PeriodIndex& periods, Hits& hits) {
  const ColumnView& ordered_at = orders.column("ordered_at");
  const ColumnView& customer_id = orders.column("customer_id");
  const std::vector<int32_t> customer =
      line_customers(&customer_id, ordered_at.size());
  const GroupKeys order = order_keys(orders.column("order_id"), ordered_at);
  MinMax time(order.group_count(), ordered_at);
  Sum total(order.group_count(), orders.column("amount"));
  FirstCode buyer(order.group_count(), ordered_at,
                  CodeSource(customer, customer_id.dictionary_size()));
  aggregate(order, time, total, buyer);

  StepMask purchase = 0;
  for (size_t s = 0; s < parameters.steps.size(); ++s)
    if (parameters.steps[s].kind == StepKind::Purchase)
      purchase |= StepMask{1} << s;
  for (int32_t o = 0; o < order.group_count(); ++o) {
    if (!time.min(o) || buyer[o] == kNone) continue;
    if (total.value(o, "the total of an order") <= 0) continue;
    const int32_t p = periods.index(*time.min(o));
    if (p != kNone)
      hits.add(p, keys.of_customer(buyer[o]), *time.min(o), purchase);
  }
}

}  // namespace

Hits collect_hits(const FunnelParameters& parameters,
                  const TableView& web_events, const TableView& visitor_links,
                  const TableView* orders, const PeriodIndex& periods) {
  const int64_t visitors = web_events.column("visitor_id").dictionary_size();
  const Stitching stitching(visitor_links, visitors);
  // One customer dictionary for the run: visitor_links and orders share
  // codes, though each column's dictionary may stop at its own last code.
  int64_t customers = stitching.customer_count();
  if (orders != nullptr)
    customers =
        std::max(customers, orders->column("customer_id").dictionary_size());
  if (customers + visitors > std::numeric_limits<int32_t>::max())
    throw std::length_error(
        "customers and visitors together are beyond int32 person keys");
  const PersonKeys keys{customers};

  Hits hits;
  hits.person_count = customers + visitors;
  add_web_hits(parameters, web_events, stitching, keys, periods, hits);
  if (orders != nullptr)
    add_purchase_hits(parameters, *orders, keys, periods, hits);
  return hits;
}

}  // namespace vigie::funnel
