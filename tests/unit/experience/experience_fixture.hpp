// Small surveys, calls, orders and web_events tables written row by row,
// shaped as ingest builds them (dictionary columns, an empty text a null),
// with sessions and session_events made from web_events by the engine's
// own derive module, as a run makes them.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "derive/derive.hpp"
#include "support/run_indicator.hpp"
#include "table/interner.hpp"
#include "vigie/sdk.hpp"

namespace vigie::testing {

// Microseconds UTC of a date and time of 2026.
inline int64_t at(unsigned month, unsigned day, int hours = 12,
                  int minutes = 0) {
  using namespace std::chrono;
  const sys_days d = year_month_day{year{2026}, std::chrono::month{month},
                                    std::chrono::day{day}};
  return duration_cast<microseconds>(d.time_since_epoch() +
                                     std::chrono::hours{hours} +
                                     std::chrono::minutes{minutes})
      .count();
}

// Calendar months of 2026, `first` to `last`, as UTC periods.
inline std::vector<vigie_period> months(unsigned first, unsigned last) {
  std::vector<vigie_period> out;
  for (unsigned m = first; m <= last; ++m)
    out.push_back({at(m, 1, 0), m == 12 ? at(12, 31, 24) : at(m + 1, 1, 0)});
  return out;
}

using Score = std::optional<int64_t>;
inline constexpr Score kNoScore = std::nullopt;

class ExperienceData {
 public:
  ExperienceData& survey(int64_t ts, std::string step, std::string channel,
                         Score csat, Score nps) {
    surveys_.push_back({ts, std::move(step), std::move(channel), csat, nps});
    return *this;
  }
  // direction "" is a null direction (inbound by default).
  ExperienceData& call(int64_t ts, std::string reason, Score csat,
                       std::string direction = "inbound") {
    calls_.push_back({ts, std::move(reason), csat, std::move(direction)});
    return *this;
  }
  ExperienceData& order_line(std::string order, int64_t ts, int64_t amount,
                             std::string channel) {
    lines_.push_back({std::move(order), ts, amount, std::move(channel)});
    return *this;
  }
  // A web event: a page view when `page` is given, else an action.
  ExperienceData& web(int64_t ts, std::string visitor, std::string device,
                      std::string page, std::string action = "") {
    events_.push_back({ts, std::move(visitor), std::move(device),
                       std::move(page), std::move(action)});
    return *this;
  }

  NamedTables datasets() const {
    NamedTables out;
    out.emplace_back("surveys", surveys_table());
    out.emplace_back("calls", calls_table());
    out.emplace_back("orders", orders_table());
    Table web = web_table();
    auto derived = derive::derive_datasets(
        {"sessions", "session_events"}, web,
        derive::DeriveOptions{.session_gap_minutes = 30});
    for (const auto& [name, table] : derived) out.emplace_back(name, *table);
    out.emplace_back("web_events", std::move(web));
    return out;
  }

 private:
  struct Survey {
    int64_t ts;
    std::string step, channel;
    Score csat, nps;
  };
  struct Call {
    int64_t ts;
    std::string reason;
    Score csat;
    std::string direction;
  };
  struct Line {
    std::string order;
    int64_t ts;
    int64_t amount;  // whole units
    std::string channel;
  };
  struct Event {
    int64_t ts;
    std::string visitor, device, page, action;
  };

  // A text column and its interner; the pool is set once every row is in.
  struct Text {
    Column* column;
    table::Interner interner;
    void push(const std::string& text) {
      if (text.empty())
        column->push_null();
      else
        column->push_code(interner.intern(text));
    }
    void finish() { column->dictionary = interner.pool(); }
  };
  static Text text(Table& t, const std::string& name) {
    return Text{&t.add(name, Type::Dictionary), {}};
  }
  static void push(Column& column, Score score) {
    if (score)
      column.push_int(*score);
    else
      column.push_null();
  }

  Table surveys_table() const {
    Table t;
    auto& ts = t.add("ts", Type::Timestamp);
    Text step = text(t, "step");
    Text channel = text(t, "channel");
    auto& csat = t.add("csat", Type::Int64);
    auto& nps = t.add("nps", Type::Int64);
    for (const Survey& s : surveys_) {
      ts.push_int(s.ts);
      step.push(s.step);
      channel.push(s.channel);
      push(csat, s.csat);
      push(nps, s.nps);
    }
    step.finish();
    channel.finish();
    return t;
  }
  Table calls_table() const {
    Table t;
    auto& started = t.add("started_at", Type::Timestamp);
    Text reason = text(t, "reason");
    Text direction = text(t, "direction");
    auto& csat = t.add("csat", Type::Int64);
    for (const Call& c : calls_) {
      started.push_int(c.ts);
      reason.push(c.reason);
      direction.push(c.direction);
      push(csat, c.csat);
    }
    reason.finish();
    direction.finish();
    return t;
  }
  Table orders_table() const {
    Table t;
    Text order = text(t, "order_id");
    auto& ordered_at = t.add("ordered_at", Type::Timestamp);
    auto& amount = t.add("amount", Type::Decimal);
    Text channel = text(t, "channel");
    for (const Line& l : lines_) {
      order.push(l.order);
      ordered_at.push_int(l.ts);
      amount.push_int(l.amount * kDecimalScale);
      channel.push(l.channel);
    }
    order.finish();
    channel.finish();
    return t;
  }
  Table web_table() const {
    Table t;
    auto& ts = t.add("ts", Type::Timestamp);
    Text visitor = text(t, "visitor_id");
    Text customer = text(t, "customer_id");
    Text type = text(t, "event_type");
    Text page = text(t, "page");
    Text action = text(t, "action");
    Text device = text(t, "device");
    Text source = text(t, "source");
    for (const Event& e : events_) {
      ts.push_int(e.ts);
      visitor.push(e.visitor);
      customer.push("");
      type.push(e.page.empty() ? "action" : "page_view");
      page.push(e.page);
      action.push(e.action);
      device.push(e.device);
      source.push("");
    }
    for (Text* c :
         {&visitor, &customer, &type, &page, &action, &device, &source})
      c->finish();
    return t;
  }

  std::vector<Survey> surveys_;
  std::vector<Call> calls_;
  std::vector<Line> lines_;
  std::vector<Event> events_;
};

// Four journey steps and their mapping, the irritant thresholds at their
// defaults.
inline std::map<std::string, std::string> journey_parameters() {
  return {
      {"journey_steps.0", "discover"},
      {"journey_steps.1", "subscribe"},
      {"journey_steps.2", "usage"},
      {"journey_steps.3", "support"},
      {"step_pages.discover", "/|/offres*"},
      {"step_pages.subscribe", "/inscription|/panier|/commande*"},
      {"step_pages.usage", "/espace-client*"},
      {"step_actions.usage", "*"},
      {"step_call_reasons.support", "*"},
      {"step_call_reasons.usage", "change_address"},
      {"step_order_channels.subscribe", "*"},
  };
}

}  // namespace vigie::testing
