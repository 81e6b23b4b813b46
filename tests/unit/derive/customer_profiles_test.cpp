// customer_profiles (KPI-CATALOG.md section 8b) on a small hand-built
// base, every figure worked out below by hand: value segment and RFM score
// by the catalog's rank rule, the experience profile at its boundaries
// (a mean of exactly 4.5, 3.5, 2.5) and what an answer is (inbound calls'
// ratings, scores 1..5), the consumption profile with returns
// and a tie, the preferred channel from sessions of the stitched person,
// inbound calls and purchases, ties by name, and the windows [from, as_of).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "derive/catalog.hpp"
#include "derive/derive.hpp"
#include "web_events.hpp"

namespace vigie::derive {
namespace {

using testing::at;
using testing::WebEvents;

const int64_t as_of = at(2026, 11, 1);
constexpr int64_t kDay = kMicrosPerDay;

struct Line {
  std::string order, customer;
  int64_t ordered_at;
  int64_t amount;  // in whole units
  std::string category, channel;
};
struct Rating {
  std::string customer;
  int64_t at;
  int64_t csat;
  std::string direction = "inbound";  // calls only
};

// A dictionary column of one pool of its own, or of `shared` (customers).
struct TextColumn {
  table::Interner pool;
  void push(Column& c, const std::string& s) {
    if (s.empty())
      c.push_null();
    else
      c.push_code(pool.intern(s));
  }
};

class Base {
 public:
  Base()
      : web_(
            {// v1 is C1's: two app sessions in the window, one identified.
             {at(2026, 10, 1, 9), "v1", "C1", "page_view", "app"},
             {at(2026, 10, 2, 9), "v1", "", "page_view", "app"},
             // v2 is nobody's: it counts for no customer.
             {at(2026, 10, 3, 9), "v2", "", "page_view", "desktop"}},
            {}, {"C1", "C2", "C3", "C4", "C5"}) {}

  DerivedTables tables(const std::vector<Line>& lines,
                       const std::vector<Rating>& surveys,
                       const std::vector<Rating>& calls) {
    DerivedTables out;
    out["web_events"] = std::make_shared<const Table>(web_.table);
    Table orders;
    Column& id = orders.add("order_id", Type::Dictionary);
    Column& customer = orders.add("customer_id", Type::Dictionary);
    Column& time = orders.add("ordered_at", Type::Timestamp);
    Column& amount = orders.add("amount", Type::Decimal);
    Column& category = orders.add("category", Type::Dictionary);
    Column& channel = orders.add("channel", Type::Dictionary);
    TextColumn ids, categories, channels;
    for (const auto& l : lines) {
      ids.push(id, l.order);
      customer.push_code(web_.customers.intern(l.customer));
      time.push_int(l.ordered_at);
      amount.push_int(l.amount * kDecimalScale);
      categories.push(category, l.category);
      channels.push(channel, l.channel);
    }
    id.dictionary = ids.pool.pool();
    customer.dictionary = web_.customers.pool();
    category.dictionary = categories.pool.pool();
    channel.dictionary = channels.pool.pool();
    out["orders"] = std::make_shared<const Table>(std::move(orders));
    out["surveys"] = std::make_shared<const Table>(ratings(surveys, "ts"));
    out["calls"] = std::make_shared<const Table>(ratings(calls, "started_at"));
    return out;
  }

 private:
  Table ratings(const std::vector<Rating>& rows, const char* time_column) {
    Table t;
    Column& customer = t.add("customer_id", Type::Dictionary);
    Column& time = t.add(time_column, Type::Timestamp);
    Column& csat = t.add("csat", Type::Int64);
    Column& direction = t.add("direction", Type::Dictionary);
    TextColumn directions;
    for (const auto& r : rows) {
      customer.push_code(web_.customers.intern(r.customer));
      time.push_int(r.at);
      if (r.csat > 0)
        csat.push_int(r.csat);
      else
        csat.push_null();
      directions.push(direction, r.direction);
    }
    customer.dictionary = web_.customers.pool();
    direction.dictionary = directions.pool.pool();
    return t;
  }

  WebEvents web_;
};

// customer id -> column -> value ("" for a null).
using Profiles = std::map<std::string, std::map<std::string, std::string>>;

Profiles profiles_of(DerivedTables inputs) {
  DeriveOptions options;
  options.profiles.as_of_us = as_of;
  auto derived = derive_datasets(
      {"visitor_links", "sessions", "customer_profiles"}, inputs, options);
  const Table& t = *derived.at("customer_profiles");
  Profiles out;
  const Column* id = t.find("customer_id");
  for (int64_t row = 0; row < t.rows(); ++row)
    for (const std::string_view name : profile_columns()) {
      const Column* c = t.find(name);
      out[std::string(id->string_at(row))][std::string(name)] =
          c->is_valid(row) ? std::string(c->string_at(row)) : "";
    }
  return out;
}

class CustomerProfiles : public ::testing::Test {
 protected:
  Base base;  // first: profiles are built from it
  Profiles profiles = profiles_of(base.tables(
      {
          // C1: three purchases in the RFM year, M = 100 + 50 + 30 = 180.
          {"o1", "C1", at(2026, 10, 10), 100, "energie", "web"},
          {"o2", "C1", at(2026, 9, 1), 50, "services", "web"},
          {"o3", "C1", at(2026, 10, 20), 30, "services", "store"},
          // C2: 200, a return of -250 (an order of total <= 0 is no
          // purchase) and 20: M = -30, F = 2; energie nets -50.
          {"o4", "C2", at(2026, 6, 1), 200, "energie", "phone"},
          {"o5", "C2", at(2026, 6, 1, 12), -250, "energie", "phone"},
          {"o6", "C2", at(2026, 6, 2), 20, "services", "phone"},
          // C3: one purchase a day before the year: not ranked.
          {"o7", "C3", as_of - 365 * kDay - 1, 10, "energie", "web"},
          // C4: one order, two lines of 100 in two categories (a tie).
          {"o8", "C4", at(2026, 10, 5), 100, "services", "web"},
          {"o8", "C4", at(2026, 10, 5), 100, "energie", "web"},
      },
      {
          {"C1", at(2026, 3, 1), 5},  // C1: (5 + 4) / 2 = 4.5
          {"C1", at(2026, 10, 1), 4},
          {"C2", at(2026, 1, 1), 4},  // C2: 3.5
          {"C2", at(2026, 2, 1), 3},
          {"C4", at(2026, 4, 1), 2},          // C4: with its rated call, 2.5
          {"C3", as_of - 365 * kDay - 1, 5},  // before the year
          {"C5", at(2026, 5, 1), 2},          // C5: 2
          {"C5", as_of, 5},                   // at as_of: after P
      },
      {
          {"C4", at(2026, 10, 6), 3},
          {"C2", at(2026, 10, 7), 0},
          {"C2", at(2026, 10, 8), 0},
          {"C2", at(2026, 10, 9), 0, "outbound"},
          {"C1", at(2026, 10, 9), 0, "outbound"},
          {"C5", as_of - 90 * kDay, 0},      // the first instant of the window
          {"C3", as_of - 90 * kDay - 1, 0},  // just before it
      }));
};

TEST_F(CustomerProfiles, SegmentsAndScoresFollowTheRankRule) {
  // Ranked by M: C4 200, C1 180, C2 -30 (n = 3): segments floor(4 r / 3) =
  // 0, 1, 2. Scores 5 - floor(5 r / 3) = 5, 4, 2 on each dimension: R by
  // last purchase C1 (10-20), C4 (10-05), C2 (06-02); F by purchases C1 3,
  // C2 2, C4 1; M by the segment order.
  EXPECT_EQ(profiles["C4"]["value_segment"], "Très bons clients");
  EXPECT_EQ(profiles["C1"]["value_segment"], "Bons clients");
  EXPECT_EQ(profiles["C2"]["value_segment"], "Clients occasionnels");
  EXPECT_EQ(profiles["C1"]["rfm_score"], "554");
  EXPECT_EQ(profiles["C4"]["rfm_score"], "425");
  EXPECT_EQ(profiles["C2"]["rfm_score"], "242");
  EXPECT_EQ(profiles["C3"]["value_segment"], "");
  EXPECT_EQ(profiles["C3"]["rfm_score"], "");
}

TEST_F(CustomerProfiles, ExperienceIsTheMeanCsatOfTheYearAtItsBoundaries) {
  EXPECT_EQ(profiles["C1"]["experience_profile"], "very positive");
  EXPECT_EQ(profiles["C2"]["experience_profile"], "positive");
  EXPECT_EQ(profiles["C4"]["experience_profile"], "not very positive");
  EXPECT_EQ(profiles["C5"]["experience_profile"], "very negative");
  EXPECT_EQ(profiles["C3"]["experience_profile"], "unknown");
}

// An answer as the experience section counts it (docs/kpi-choices.md): a
// csat outside 1..5 is no answer, and an outbound call's rating is not one.
TEST(CustomerProfilesAnswers, OnlyInboundCallsAndScoresOneToFiveAreAnswers) {
  Base base;
  Profiles profiles = profiles_of(base.tables(
      {{"o1", "C1", at(2026, 10, 10), 100, "energie", "web"}},
      {
          {"C1", at(2026, 3, 1), 4},  // C1's one answer: "positive"
          {"C1", at(2026, 3, 2), 9},  // out of range: no answer
          {"C2", at(2026, 3, 1), 7},  // C2's only score, out of range
      },
      {
          {"C1", at(2026, 10, 6), 1, "outbound"},  // would make it 4.67
          {"C1", at(2026, 10, 7), 6},              // out of range
          {"C2", at(2026, 10, 6), 1, "outbound"},
          {"C3", at(2026, 10, 6), 2, ""},  // no direction: inbound, 2
      }));
  EXPECT_EQ(profiles["C1"]["experience_profile"], "positive");
  EXPECT_EQ(profiles["C2"]["experience_profile"], "unknown");
  EXPECT_EQ(profiles["C3"]["experience_profile"], "very negative");
}

TEST_F(CustomerProfiles, ConsumptionIsTheLargestNetCategory) {
  EXPECT_EQ(profiles["C1"]["consumption_profile"], "energie");   // 100 vs 80
  EXPECT_EQ(profiles["C2"]["consumption_profile"], "services");  // -50 vs 20
  EXPECT_EQ(profiles["C4"]["consumption_profile"], "energie");   // a tie
  EXPECT_EQ(profiles["C3"]["consumption_profile"], "none");
  EXPECT_EQ(profiles["C5"]["consumption_profile"], "none");
}

TEST_F(CustomerProfiles, PreferredChannelCountsSessionsCallsAndPurchases) {
  // C1: app 2 (sessions of v1, stitched), web 2, store 1: a tie, "app".
  EXPECT_EQ(profiles["C1"]["preferred_channel"], "app");
  // C2: two inbound calls; the outbound one and June's orders do not count.
  EXPECT_EQ(profiles["C2"]["preferred_channel"], "phone");
  // C4: phone 1, web 1: "phone" comes first.
  EXPECT_EQ(profiles["C4"]["preferred_channel"], "phone");
  EXPECT_EQ(profiles["C5"]["preferred_channel"], "phone");
  EXPECT_EQ(profiles["C3"]["preferred_channel"], "unknown");
}

}  // namespace
}  // namespace vigie::derive
