// Survey answers at each journey step. Scores follow the customer's latent
// mood, with a weaker support step (the irritant the touchpoint matrix should
// reveal) and an NPS that goes with the CSAT.
#include <algorithm>
#include <cmath>

#include "demo/activity.hpp"
#include "demo/generate.hpp"

namespace vigie::demo {
namespace {

constexpr double kDaysPerMonth = 30.4375;
enum Step : uint8_t {
  kDiscover,
  kSubscribe,
  kOnboarding,
  kUsage,
  kSupport,
  kRenewal
};
enum Channel : uint8_t { kWeb, kApp, kStore, kPhone, kEmail };
// Most steps satisfy (about 80 % of answers at 4 or 5); support, at 3.4,
// is the one below the 70 % irritant line.
constexpr std::array<double, kSurveySteps.size()> kStepMean = {4.4, 4.5, 4.1,
                                                               4.3, 3.4, 4.0};
constexpr std::array<double, kSurveyChannels.size()> kChannelEffect = {
    0, 0.1, 0.2, -0.2, 0};

void answer(DemoWorld& world, Rng& rng, int64_t at, int32_t customer, Step step,
            Channel channel, double mood) {
  if (at < world.start || at >= world.end) return;
  double score = kStepMean[step] + kChannelEffect[channel] + 0.6 * mood +
                 0.8 * rng.normal();
  auto csat =
      static_cast<int8_t>(std::clamp<long long>(std::llround(score), 1, 5));
  // csat 5 -> about 10, 4 -> 8, 3 -> 6: "would recommend" goes with
  // satisfaction, a satisfied customer being a passive or a promoter.
  auto nps = static_cast<int8_t>(std::clamp<long long>(
      std::llround(2.0 * csat + 1.2 * rng.normal()), 0, 10));
  double skip = rng.uniform();  // some answer only one of the questions
  if (skip < 0.08)
    csat = 0;
  else if (skip < 0.2)
    nps = -1;
  world.surveys.push_back({at, customer, step, channel, csat, nps});
}

}  // namespace

void make_surveys(DemoWorld& world, Rng& rng) {
  for (size_t i = 0; i < world.customers.size(); ++i) {
    const Customer& c = world.customers[i];
    auto customer = static_cast<int32_t>(i);
    bool in_store = kAcquisitionChannels[c.acquisition] == "store";
    if (c.created_at >= world.start) {
      if (rng.chance(0.2))
        answer(world, rng, c.created_at + kHour + rng.below(47 * kHour),
               customer, kSubscribe,
               in_store ? kStore : (rng.chance(0.7) ? kWeb : kApp), c.mood);
      if (rng.chance(0.25))
        answer(world, rng, c.created_at + 7 * kDay + rng.below(23 * kDay),
               customer, kOnboarding, kEmail, c.mood);
    }
    int64_t from = std::max(world.start, c.created_at);
    int64_t to = std::min(world.end, c.churn_at);
    if (from < to) {
      double months = static_cast<double>(to - from) / (kDaysPerMonth * kDay);
      int64_t usage = rng.poisson(0.04 * months);
      for (int64_t k = 0; k < usage; ++k) {
        constexpr std::array<double, 3> kUsageChannels = {
            3, 4, 3};  // web, app, email
        size_t pick = rng.pick(kUsageChannels);
        answer(world, rng, draw_time(rng, from, to, kWebHours), customer,
               kUsage,
               pick == 0   ? kWeb
               : pick == 1 ? kApp
                           : kEmail,
               c.mood);
      }
    }
    int64_t anniversary = c.created_at + 365 * kDay;
    if (anniversary < c.churn_at && rng.chance(0.3))
      answer(world, rng, anniversary + rng.below(14 * kDay), customer, kRenewal,
             kEmail, c.mood);
  }
  for (const auto& call : world.calls)
    if (call.customer != kAnonymous && call.inbound && call.answered &&
        rng.chance(0.1))
      answer(world, rng, call.at + kHour + rng.below(2 * kHour), call.customer,
             kSupport, kPhone,
             world.customers[static_cast<size_t>(call.customer)].mood);
  for (const auto& e : world.web_events) {
    const Visitor& v = world.visitors[static_cast<size_t>(e.visitor)];
    if (e.type == EventType::Action && rng.chance(0.04))
      answer(world, rng, e.at + 10 * kMinute, e.customer, kSupport,
             kDevices[v.device] == "app" ? kApp : kWeb,
             world.customers[static_cast<size_t>(e.customer)].mood);
    else if (v.customer == kAnonymous && e.page >= 0 && rng.chance(0.004))
      answer(world, rng, e.at + kMinute, kAnonymous, kDiscover, kWeb,
             rng.normal());
  }
  std::stable_sort(
      world.surveys.begin(), world.surveys.end(),
      [](const Survey& a, const Survey& b) { return a.at < b.at; });
}

}  // namespace vigie::demo
