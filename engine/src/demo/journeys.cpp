// Web sessions and calls. A customer's sessions browse products, buy (the
// session ends at the order's time), sign up, or try a self-care act in the
// customer space; a failed attempt often ends in a call with the same
// reason within 48 hours (the channel rebound of the self-care KPIs), and
// even a completed one sometimes does. Anonymous visitors browse, leave
// leads, and call without being identified.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "demo/activity.hpp"
#include "demo/generate.hpp"

namespace vigie::demo {
namespace {

constexpr double kDaysPerMonth = 30.4375;
constexpr int kAnonymousVisitorsAtScaleOne = 20000;
// Sessions a month of an average customer around their purchases, tuned for
// about a million events at scale 1.
constexpr double kSessionsPerMonth = 1.0;
constexpr double kCallsPerMonth = 0.52;
constexpr double kIdentifiedCallShare = 0.7;

// The site's pages, with a typical load time for each (ms, desktop).
struct Pages {
  int32_t home, offers, cart, checkout, confirmation, customer_space, help,
      help_contact, signup, contact;
  int32_t first_category, first_product;  // 6 categories, then 20 a category
  std::array<int32_t, kSelfCareActs.size()> act_page{};
  std::array<int32_t, kSelfCareActs.size()> act_help{};
  std::vector<double> load_median;
};

Pages make_pages(DemoWorld& world) {
  Pages p{};
  auto add = [&](std::string path, double median) {
    world.pages.push_back(std::move(path));
    p.load_median.push_back(median);
    return static_cast<int32_t>(world.pages.size() - 1);
  };
  p.home = add("/", 750);
  p.offers = add("/offres", 900);
  p.cart = add("/panier", 1100);
  p.checkout = add("/commande", 1300);
  p.confirmation = add("/commande/confirmation", 1200);
  p.customer_space = add("/espace-client", 1500);
  p.help = add("/aide", 650);
  p.help_contact = add("/aide/contact", 650);
  p.signup = add("/inscription", 1000);
  p.contact = add("/contact", 700);
  p.first_category = static_cast<int32_t>(world.pages.size());
  for (const auto& c : kCategories)
    add(fmt::format("/produits/{}", c.name), 950);
  p.first_product = static_cast<int32_t>(world.pages.size());
  for (const auto& product : world.products)
    add(fmt::format("/produits/{}/{}", kCategories[product.category].name,
                    product.id),
        1150);
  constexpr std::array<std::string_view, kSelfCareActs.size()> kHelpTopics = {
      "demenagement", "paiement", "facture", "panne", "resiliation"};
  for (size_t a = 0; a < kSelfCareActs.size(); ++a) {
    p.act_page[a] = add(std::string(kSelfCareActs[a].page), 1600);
    p.act_help[a] = add(fmt::format("/aide/{}", kHelpTopics[a]), 650);
  }
  return p;
}

// Builds one session's events, then hands them to the world.
class SessionWriter {
 public:
  SessionWriter(DemoWorld& world, Rng& rng, const Pages& pages, int32_t visitor,
                int64_t start, uint8_t source)
      : world_(world),
        rng_(rng),
        pages_(pages),
        visitor_(visitor),
        now_(start),
        source_(source) {
    // The app keeps its user logged in.
    const Visitor& v = world.visitors[static_cast<size_t>(visitor)];
    if (kDevices[v.device] == "app") customer_ = v.customer;
  }
  void login() {
    customer_ = world_.visitors[static_cast<size_t>(visitor_)].customer;
  }
  void view(int32_t page) {
    const Visitor& v = world_.visitors[static_cast<size_t>(visitor_)];
    constexpr std::array<double, 4> kDeviceSlowness = {1.0, 1.5, 1.3, 0.7};
    double ms = rng_.lognormal(pages_.load_median[static_cast<size_t>(page)] *
                                   kDeviceSlowness[v.device],
                               0.55);
    push(EventType::PageView, -1, page,
         static_cast<int32_t>(std::clamp(std::llround(ms), 60LL, 30000LL)));
    now_ += 4 + std::llround(rng_.exponential(45));
  }
  void act(size_t action) {
    now_ += 15 + std::llround(rng_.exponential(60));
    push(EventType::Action, static_cast<int8_t>(action), -1, 0);
    now_ += 3 + std::llround(rng_.exponential(20));
  }
  void convert(int32_t page) {
    push(EventType::Conversion, -1, page, 0);
    now_ += 3 + std::llround(rng_.exponential(20));
  }
  int64_t now() const { return now_; }
  // Appends the events, shifted so that the last one is at `last_at` when
  // given (a purchase or sign-up whose time is already fixed).
  void finish(std::optional<int64_t> last_at = std::nullopt) {
    int64_t shift =
        last_at && !events_.empty() ? *last_at - events_.back().at : 0;
    for (auto& e : events_) {
      e.at += shift;
      if (e.at >= world_.start && e.at < world_.end)
        world_.web_events.push_back(e);
    }
    events_.clear();
  }

 private:
  void push(EventType type, int8_t action, int32_t page, int32_t load_ms) {
    events_.push_back(
        {now_, visitor_, customer_, type, action, source_, page, load_ms});
  }
  DemoWorld& world_;
  Rng& rng_;
  const Pages& pages_;
  int32_t visitor_;
  int32_t customer_ = kAnonymous;
  int64_t now_;
  uint8_t source_;
  std::vector<WebEvent> events_;
};

uint8_t draw_source(Rng& rng, const Customer* c) {
  // Half of a customer's visits come the way the customer was acquired.
  if (c != nullptr && rng.chance(0.5)) {
    constexpr std::array<std::array<uint8_t, 2>, kAcquisitionChannels.size()>
        kLinked = {{{0, 1}, {2, 3}, {4, 4}, {5, 5}, {6, 6}, {6, 0}}};
    return kLinked[c->acquisition][static_cast<size_t>(rng.below(2))];
  }
  return static_cast<uint8_t>(rng.pick(kSourceWeights));
}

int32_t draw_visitor(Rng& rng, const Customer& c) {
  // The first device is the usual one.
  if (c.visitors.size() == 1 || rng.chance(0.6)) return c.visitors.front();
  return c.visitors[static_cast<size_t>(
      rng.below(static_cast<int64_t>(c.visitors.size())))];
}

class JourneyMaker {
 public:
  JourneyMaker(DemoWorld& world, Rng& rng)
      : world_(world), rng_(rng), pages_(make_pages(world)) {}

  void browse(int32_t visitor, int64_t start, const Customer* c) {
    SessionWriter s(world_, rng_, pages_, visitor, start, draw_source(rng_, c));
    if (c != nullptr && rng_.chance(0.3)) s.login();
    s.view(rng_.chance(0.6) ? pages_.home : random_product_or_category());
    int64_t more = rng_.geometric(2.4);
    for (int64_t i = 0; i < more; ++i)
      s.view(rng_.chance(0.1) ? pages_.offers : random_product_or_category());
    if (c == nullptr && rng_.chance(0.04)) {  // a lead
      s.view(pages_.contact);
      s.convert(pages_.contact);
    } else if (rng_.chance(0.06)) {
      s.view(pages_.help);
    }
    s.finish();
  }

  void help(int32_t visitor, int64_t start, const Customer* c) {
    SessionWriter s(world_, rng_, pages_, visitor, start, draw_source(rng_, c));
    s.view(pages_.help);
    s.view(pages_.act_help[rng_.pick(act_weights())]);
    if (rng_.chance(0.4)) s.view(pages_.help_contact);
    s.finish();
  }

  // A self-care attempt, completed online or not, and the call that may follow.
  void self_care(int32_t customer, int64_t start, size_t act) {
    const Customer& c = world_.customers[static_cast<size_t>(customer)];
    SessionWriter s(world_, rng_, pages_, draw_visitor(rng_, c), start,
                    draw_source(rng_, &c));
    double entry = rng_.uniform();
    if (entry < 0.4)
      s.view(pages_.home);
    else if (entry < 0.6)
      s.view(pages_.act_help[act]);
    s.login();
    s.view(pages_.customer_space);
    s.view(pages_.act_page[act]);
    // Unhappy customers fail more often.
    double success =
        std::clamp(kSelfCareActs[act].success_rate + 0.05 * c.mood, 0.05, 0.98);
    bool done = rng_.chance(success);
    if (done) {
      s.act(act);
      if (rng_.chance(0.3)) s.view(pages_.customer_space);
    } else {
      if (rng_.chance(0.4)) s.view(pages_.act_page[act]);
      if (rng_.chance(0.3)) s.view(pages_.help_contact);
    }
    int64_t last = s.now();
    s.finish();
    // The rebound: a call with the same reason within 48 hours.
    if (last < world_.end && rng_.chance(done ? 0.07 : 0.5)) {
      int64_t delay = 5 * kMinute + std::llround(rng_.exponential(8 * kHour));
      if (delay > 47 * kHour) delay = 5 * kMinute + rng_.below(47 * kHour);
      int64_t at = last + delay;
      int hour = hour_of(at);
      if (hour < 8 || hour >= 21) {  // the call centre is closed: next morning
        int64_t morning = (day_of(at) + (hour >= 21 ? 1 : 0)) * kDay +
                          8 * kHour + std::llround(rng_.exponential(kHour));
        if (morning - last <= 47 * kHour) at = morning;
      }
      add_call(at, customer, true, static_cast<uint8_t>(act), c.mood, !done);
    }
  }

  void purchase(const OrderLine& line) {
    const Customer& c = world_.customers[static_cast<size_t>(line.customer)];
    int32_t visitor = draw_visitor(rng_, c);
    if (kOrderChannels[line.channel] == "app")
      for (int32_t v : c.visitors)
        if (kDevices[world_.visitors[static_cast<size_t>(v)].device] == "app")
          visitor = v;
    SessionWriter s(world_, rng_, pages_, visitor, line.at,
                    draw_source(rng_, &c));
    if (rng_.chance(0.5)) s.view(pages_.home);
    int64_t products = 1 + rng_.geometric(1.5);
    for (int64_t i = 0; i < products; ++i)
      s.view(i == 0 ? pages_.first_product + line.product
                    : random_product_or_category());
    s.view(pages_.cart);
    s.login();
    s.view(pages_.checkout);
    s.view(pages_.confirmation);
    s.finish(line.at);
  }

  void sign_up(int32_t customer) {
    const Customer& c = world_.customers[static_cast<size_t>(customer)];
    SessionWriter s(world_, rng_, pages_, c.visitors.front(), c.created_at,
                    draw_source(rng_, &c));
    s.view(rng_.chance(0.5) ? pages_.home : pages_.offers);
    if (rng_.chance(0.7)) s.view(random_product_or_category());
    s.view(pages_.signup);
    s.login();
    s.convert(pages_.signup);
    s.finish(c.created_at);
  }

  void add_call(int64_t at, int32_t customer, bool inbound, uint8_t reason,
                double mood, bool frustrated) {
    if (at < world_.start || at >= world_.end) return;
    Call call{};
    call.at = at;
    call.customer = customer;
    call.inbound = inbound;
    call.reason = reason;
    // Busier at the seasonal peak and on Monday mornings: longer waits,
    // more hang-ups.
    double load = season_factor(at) *
                  (weekday_of(at) == 0 && hour_of(at) < 12 ? 1.4 : 1.0);
    call.answered =
        !inbound || rng_.chance(std::clamp(1.06 - 0.18 * load, 0.5, 0.97));
    call.wait_s = inbound
                      ? static_cast<int32_t>(std::min<long long>(
                            1800, std::llround(rng_.lognormal(
                                      (call.answered ? 28 : 75) * load, 0.8))))
                      : 0;
    constexpr std::array<double, kCallReasons.size()> kHandleMedian = {
        300, 260, 150, 420, 480, 330, 540, 280, 240, 510, 360};
    call.handle_s = call.answered
                        ? static_cast<int32_t>(std::llround(
                              rng_.lognormal(kHandleMedian[reason], 0.5)))
                        : 0;
    // One answered call in ten is rated: enough for the support cell,
    // not so many that the calls outweigh every other step's answers.
    if (call.answered && inbound && rng_.chance(0.1)) {
      double score = 4.1 + 0.6 * mood - (frustrated ? 0.6 : 0.0) -
                     static_cast<double>(call.wait_s) / 400.0 +
                     0.8 * rng_.normal();
      call.csat =
          static_cast<int8_t>(std::clamp<long long>(std::llround(score), 1, 5));
    }
    world_.calls.push_back(call);
  }

  int32_t random_product_or_category() {
    if (rng_.chance(0.3))
      return pages_.first_category +
             static_cast<int32_t>(rng_.below(kCategories.size()));
    return pages_.first_product +
           static_cast<int32_t>(
               rng_.below(static_cast<int64_t>(world_.products.size())));
  }

  static std::array<double, kSelfCareActs.size()> act_weights() {
    std::array<double, kSelfCareActs.size()> w{};
    for (size_t a = 0; a < w.size(); ++a) w[a] = kSelfCareActs[a].weight;
    return w;
  }

 private:
  DemoWorld& world_;
  Rng& rng_;
  Pages pages_;
};

void make_anonymous_visitors(DemoWorld& world, Rng& rng, double scale) {
  constexpr std::array<double, 4> kDeviceWeights = {42, 44, 10, 4};
  auto count = std::llround(kAnonymousVisitorsAtScaleOne * scale);
  for (long long i = 0; i < count; ++i)
    world.visitors.push_back(
        {kAnonymous, static_cast<uint8_t>(rng.pick(kDeviceWeights))});
}

}  // namespace

void make_journeys(DemoWorld& world, Rng& rng, double scale) {
  JourneyMaker maker(world, rng);
  size_t first_anonymous = world.visitors.size();
  make_anonymous_visitors(world, rng, scale);
  auto acts = JourneyMaker::act_weights();
  acts[kCancelContract] = 0;  // cancelling comes with churn, below

  for (size_t i = 0; i < world.customers.size(); ++i) {
    const Customer& c = world.customers[i];
    auto customer = static_cast<int32_t>(i);
    int64_t from = std::max(world.start, c.created_at);
    int64_t to = std::min(world.end, c.churn_at + 45 * kDay);
    if (c.created_at >= world.start &&
        kAcquisitionChannels[c.acquisition] != "store")
      maker.sign_up(customer);
    if (from < to) {
      double months = static_cast<double>(to - from) / (kDaysPerMonth * kDay);
      double engagement = 0.5 + 0.8 * c.purchase_rate / kPurchasesPerMonth;
      int64_t sessions = rng.poisson(kSessionsPerMonth * engagement * months);
      for (int64_t s = 0; s < sessions; ++s) {
        int64_t at = draw_time(rng, from, to, kWebHours);
        double kind = rng.uniform();
        if (kind < 0.55)
          maker.browse(draw_visitor(rng, c), at, &c);
        else if (kind < 0.9)
          maker.self_care(customer, at, rng.pick(acts));
        else
          maker.help(draw_visitor(rng, c), at, &c);
      }
      // Calls of their own, more from unhappy customers.
      int64_t calls =
          rng.poisson(kCallsPerMonth * std::exp(-0.3 * c.mood) * months);
      for (int64_t k = 0; k < calls; ++k)
        maker.add_call(draw_time(rng, from, to, kCallHours), customer, true,
                       static_cast<uint8_t>(rng.pick(kCallReasonWeights)),
                       c.mood, false);
    }
    // Leaving: a cancellation online or by phone, a retention call before.
    if (c.churn_at >= world.start && c.churn_at < world.end) {
      if (rng.chance(0.5))
        maker.self_care(customer, c.churn_at - rng.below(7 * kDay),
                        kCancelContract);
      if (rng.chance(0.3))
        maker.add_call(
            time_in_day(rng, day_of(c.churn_at - rng.below(7 * kDay)) * kDay,
                        kCallHours),
            customer, true, static_cast<uint8_t>(kCancelContract), c.mood,
            false);
      if (rng.chance(0.15))
        maker.add_call(
            time_in_day(
                rng,
                day_of(c.churn_at - 5 * kDay - rng.below(20 * kDay)) * kDay,
                kCallHours),
            customer, false, static_cast<uint8_t>(kRetentionOffer), c.mood,
            false);
    }
  }
  // Purchase sessions end at each online order of an identified customer.
  int64_t last_order = 0;
  for (const auto& line : world.orders) {
    if (line.order_key == last_order) continue;
    last_order = line.order_key;
    bool online = kOrderChannels[line.channel] == "web" ||
                  kOrderChannels[line.channel] == "app";
    if (online && line.customer != kAnonymous && line.amount_cents > 0)
      maker.purchase(line);
  }
  // Anonymous visitors browse; anonymous callers fill up to 30 % of calls.
  for (size_t v = first_anonymous; v < world.visitors.size(); ++v) {
    int64_t sessions = 1 + rng.geometric(1.6);
    for (int64_t s = 0; s < sessions; ++s) {
      int64_t at = draw_time(rng, world.start, world.end, kWebHours);
      if (rng.chance(0.93))
        maker.browse(static_cast<int32_t>(v), at, nullptr);
      else
        maker.help(static_cast<int32_t>(v), at, nullptr);
    }
  }
  size_t identified_inbound = 0;
  for (const auto& call : world.calls)
    identified_inbound += call.inbound ? 1 : 0;
  auto anonymous =
      static_cast<size_t>(static_cast<double>(identified_inbound) *
                          (1 - kIdentifiedCallShare) / kIdentifiedCallShare);
  for (size_t k = 0; k < anonymous; ++k)
    maker.add_call(draw_time(rng, world.start, world.end, kCallHours),
                   kAnonymous, true,
                   static_cast<uint8_t>(rng.pick(kCallReasonWeights)),
                   rng.normal(), false);

  auto by_time = [](const auto& a, const auto& b) { return a.at < b.at; };
  std::stable_sort(world.web_events.begin(), world.web_events.end(), by_time);
  std::stable_sort(world.calls.begin(), world.calls.end(), by_time);
}

}  // namespace vigie::demo
