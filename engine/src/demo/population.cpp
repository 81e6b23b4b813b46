// Customers and what they buy. Value is skewed on purpose: a latent value
// per customer drives a lognormal purchase frequency, bigger baskets and
// pricier categories, so that a few customers weigh much of the revenue
// (RFM segments, CLV); customers stop buying after a random lifetime
// (churn) while new ones arrive every month.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "demo/activity.hpp"
#include "demo/generate.hpp"

namespace vigie::demo {
namespace {

constexpr double kDaysPerMonth = 30.4375;
constexpr int kCustomersAtScaleOne = 20000;
constexpr double kAnonymousLineShare = 0.05;
constexpr double kReturnShare = 0.03;
constexpr double kCancelShare = 0.015;

void make_products(DemoWorld& world, Rng& rng) {
  for (size_t c = 0; c < kCategories.size(); ++c) {
    for (int i = 0; i < 20; ++i) {
      double price = rng.lognormal(kCategories[c].median_price, 0.45);
      double margin = std::clamp(
          kCategories[c].margin_rate + 0.06 * rng.normal(), 0.05, 0.8);
      world.products.push_back(
          {fmt::format("P{}{:02}", c + 1, i + 1), static_cast<uint8_t>(c),
           std::max<int64_t>(199, std::llround(price * 100)), margin});
    }
  }
}

void make_customers(DemoWorld& world, Rng& rng, double scale) {
  auto count = static_cast<size_t>(std::llround(kCustomersAtScaleOne * scale));
  const int64_t history_start = month_start(month_of(world.start).plus(-24));
  // Creation times first, sorted, so that customer ids follow them.
  std::vector<int64_t> created(count);
  for (auto& t : created) {
    // Arrivals spread evenly over the 24 months before and the 15 of the
    // range (24 / 39 before it): the base is near its steady state.
    bool before_range = rng.chance(24.0 / 39.0);
    t = before_range ? draw_time(rng, history_start, world.start, kWebHours)
                     : draw_time(rng, world.start, world.end, kWebHours);
  }
  std::sort(created.begin(), created.end());
  for (int64_t t : created) {
    Customer c{};
    c.created_at = t;
    c.acquisition = static_cast<uint8_t>(rng.pick(kAcquisitionWeights));
    c.region = static_cast<uint8_t>(rng.pick(kRegionWeights));
    c.birth_year = static_cast<int16_t>(std::clamp<int64_t>(
        std::llround(1979 + 14 * rng.normal()), 1935, 2007));
    c.consent = rng.chance(0.6);
    c.value = rng.normal();
    // Lognormal frequency with mean kPurchasesPerMonth: exp(s z - s^2 / 2).
    c.purchase_rate = kPurchasesPerMonth * std::exp(0.9 * c.value - 0.405);
    c.mood = rng.normal();
    // Valuable customers stay longer: mean lifetime 14 months, more for them.
    double lifetime_months = rng.exponential(14 * std::exp(0.35 * c.value));
    c.churn_at = t + std::llround(lifetime_months * kDaysPerMonth * kDay);
    world.customers.push_back(std::move(c));
  }
}

// Devices (visitor ids) of each customer: one to three, e.g. a laptop and a
// phone, so that cross-device KPIs have something to count.
void make_customer_visitors(DemoWorld& world, Rng& rng) {
  constexpr std::array<double, 4> kDeviceWeights = {40, 38, 8, 14};
  for (size_t i = 0; i < world.customers.size(); ++i) {
    auto& c = world.customers[i];
    size_t devices =
        1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.18) ? 1 : 0);
    std::vector<uint8_t> used;
    while (used.size() < devices) {
      auto d = static_cast<uint8_t>(rng.pick(kDeviceWeights));
      if (std::find(used.begin(), used.end(), d) != used.end()) continue;
      used.push_back(d);
      c.visitors.push_back(static_cast<int32_t>(world.visitors.size()));
      world.visitors.push_back({static_cast<int32_t>(i), d});
    }
  }
}

// A customer's order channel: store customers mostly buy in store.
uint8_t draw_order_channel(Rng& rng, const Customer& c) {
  constexpr std::array<double, 5> kOnline = {55, 22, 12, 6, 5};
  constexpr std::array<double, 5> kInStore = {15, 7, 70, 6, 2};
  return static_cast<uint8_t>(rng.pick(
      kAcquisitionChannels[c.acquisition] == "store" ? kInStore : kOnline));
}

int32_t draw_product(Rng& rng, double value) {
  // Valuable customers lean to the expensive categories (the later ones).
  std::array<double, kCategories.size()> weights{};
  for (size_t k = 0; k < weights.size(); ++k)
    weights[k] =
        kCategories[k].weight * std::exp(0.25 * value * static_cast<double>(k));
  size_t category = rng.pick(weights);
  return static_cast<int32_t>(category * 20 +
                              static_cast<size_t>(rng.below(20)));
}

// One order: its lines, a cancellation now and then (the same lines,
// negative, a few hours later: the order nets to zero) and returns (a
// negative line in a new order, days later).
void add_order(DemoWorld& world, Rng& rng, int64_t at, int32_t customer,
               uint8_t channel, double value, int64_t& next_key) {
  int64_t key = next_key++;
  int64_t lines = 1 + rng.geometric(0.45 + 0.35 * std::max(0.0, value));
  bool cancelled = rng.chance(kCancelShare);
  int64_t cancel_at = at + kHour / 2 + rng.below(6 * kHour);
  for (int64_t l = 0; l < lines; ++l) {
    int32_t product = draw_product(rng, value);
    const Product& p = world.products[static_cast<size_t>(product)];
    int32_t quantity =
        1 + static_cast<int32_t>(rng.geometric(p.category == 0 ? 0.5 : 0.1));
    int64_t amount = p.price_cents * quantity;
    if (rng.chance(0.12))  // a promotion of 10 to 30 %
      amount = amount * (70 + rng.below(21)) / 100;
    double rate = p.margin_rate + 0.07 * rng.normal();
    int64_t margin = std::llround(static_cast<double>(amount) * rate);
    OrderLine line{at,       key,    customer, product,
                   quantity, amount, margin,   channel};
    world.orders.push_back(line);
    if (cancelled && cancel_at < world.end) {
      OrderLine undo = line;
      undo.at = cancel_at;
      undo.quantity = -quantity;
      undo.amount_cents = -amount;
      undo.margin_cents = -margin;
      world.orders.push_back(undo);
    } else if (rng.chance(kReturnShare)) {
      int64_t return_at = at + 3 * kDay + rng.below(27 * kDay);
      if (return_at < world.end) {
        OrderLine back = line;
        back.at = return_at;
        back.order_key = next_key++;
        back.quantity = -quantity;
        back.amount_cents = -amount;
        back.margin_cents = -margin;
        world.orders.push_back(back);
      }
    }
  }
}

const HourProfile& hours_of_channel(uint8_t channel) {
  return kOrderChannels[channel] == "store"   ? kStoreHours
         : kOrderChannels[channel] == "phone" ? kCallHours
                                              : kWebHours;
}

void make_orders(DemoWorld& world, Rng& rng) {
  int64_t next_key = 0;
  for (size_t i = 0; i < world.customers.size(); ++i) {
    const Customer& c = world.customers[i];
    int64_t from = std::max(c.created_at, world.start);
    int64_t to = std::min(c.churn_at, world.end);
    if (from >= to) continue;
    auto customer = static_cast<int32_t>(i);
    // A customer created in the range buys within days of signing up.
    if (c.created_at >= world.start) {
      int64_t first = c.created_at + std::llround(rng.exponential(2 * kDay));
      if (first < to)
        add_order(world, rng, first, customer, draw_order_channel(rng, c),
                  c.value, next_key);
    }
    // Then a Poisson process thinned by the season: candidate days at the
    // peak rate, each kept with probability season / peak.
    double per_day = c.purchase_rate * kMaxSeasonFactor / kDaysPerMonth;
    double day = static_cast<double>(from) / kDay;
    for (;;) {
      day += rng.exponential(1.0 / per_day);
      auto day_start = static_cast<int64_t>(std::floor(day)) * kDay;
      if (day_start >= to) break;
      if (rng.uniform() * kMaxSeasonFactor >= season_factor(day_start))
        continue;
      uint8_t channel = draw_order_channel(rng, c);
      int64_t at = time_in_day(rng, day_start, hours_of_channel(channel));
      if (at < from || at >= to) continue;
      add_order(world, rng, at, customer, channel, c.value, next_key);
    }
  }
  // Anonymous sales (no loyalty card, guest checkout): about 5 % of lines.
  auto target =
      static_cast<size_t>(static_cast<double>(world.orders.size()) *
                          kAnonymousLineShare / (1 - kAnonymousLineShare));
  size_t identified = world.orders.size();
  constexpr std::array<double, 5> kAnonymousChannels = {20, 0, 75, 5, 0};
  while (world.orders.size() - identified < target) {
    auto channel = static_cast<uint8_t>(rng.pick(kAnonymousChannels));
    int64_t at =
        draw_time(rng, world.start, world.end, hours_of_channel(channel));
    add_order(world, rng, at, kAnonymous, channel, rng.normal() - 0.5,
              next_key);
  }
  // Time order; order ids are then given by first appearance.
  std::stable_sort(world.orders.begin(), world.orders.end(),
                   [](const OrderLine& a, const OrderLine& b) {
                     return a.at != b.at ? a.at < b.at
                                         : a.order_key < b.order_key;
                   });
  std::vector<int64_t> id_of_key(static_cast<size_t>(next_key), -1);
  int64_t next_id = 1;
  for (auto& line : world.orders) {
    auto& id = id_of_key[static_cast<size_t>(line.order_key)];
    if (id < 0) id = next_id++;
    line.order_key = id;
  }
}

// Spend follows the customers each channel brought, at the channel's cost
// per acquisition, with noise: CAC by channel comes out near kAcquisitionCost.
void make_marketing_spend(DemoWorld& world, Rng& rng) {
  Month first = month_of(world.start);
  for (Month m = first; month_start(m) < world.end; m = m.plus(1)) {
    int64_t from = month_start(m), to = month_start(m.plus(1));
    std::array<int64_t, kAcquisitionChannels.size()> acquired{};
    for (const auto& c : world.customers)
      if (c.created_at >= from && c.created_at < to) ++acquired[c.acquisition];
    for (size_t ch = 0; ch < kAcquisitionChannels.size(); ++ch) {
      double spend = (static_cast<double>(acquired[ch]) + 2) *
                     kAcquisitionCost[ch] * rng.lognormal(1, 0.15);
      world.spend.push_back(
          {m, static_cast<uint8_t>(ch), std::llround(spend * 100)});
    }
  }
}

}  // namespace

void make_population(DemoWorld& world, Rng& rng, double scale) {
  make_products(world, rng);
  make_customers(world, rng, scale);
  make_customer_visitors(world, rng);
  make_orders(world, rng);
  make_marketing_spend(world, rng);
}

}  // namespace vigie::demo
