// The records the demo generator produces, before they are written, and
// the fixed vocabularies they draw from. Strings that repeat (channels,
// pages, reasons) are kept as small indices into these tables.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demo/local_time.hpp"

namespace vigie::demo {

inline constexpr int32_t kAnonymous = -1;  // no customer_id

// Purchases a month of an average customer; tuned for about 150k lines at
// scale 1 over the 15 months.
inline constexpr double kPurchasesPerMonth = 0.58;

inline constexpr std::array<std::string_view, 8> kRegions = {
    "Île-de-France",      "Auvergne-Rhône-Alpes",
    "Nouvelle-Aquitaine", "Occitanie",
    "Hauts-de-France",    "Provence-Alpes-Côte d'Azur",
    "Grand Est",          "Bretagne"};
inline constexpr std::array<double, 8> kRegionWeights = {19, 12, 9, 9,
                                                         9,  8,  8, 5};

// Product categories: typical unit price (euros) and margin rate.
struct Category {
  std::string_view name;
  double median_price;
  double margin_rate;
  double weight;  // share of lines for an average customer
};
inline constexpr std::array<Category, 6> kCategories = {{
    {"accessoires", 24, 0.48, 34},
    {"services", 45, 0.60, 18},
    {"maison", 85, 0.36, 18},
    {"mobile", 260, 0.24, 12},
    {"box-internet", 150, 0.31, 10},
    {"energie", 420, 0.29, 8},
}};

inline constexpr std::array<std::string_view, 7> kSources = {"google/organic",
                                                             "google/cpc",
                                                             "facebook/social",
                                                             "instagram/social",
                                                             "newsletter/email",
                                                             "partner/referral",
                                                             "direct"};
inline constexpr std::array<double, 7> kSourceWeights = {28, 14, 9, 5,
                                                         10, 6,  28};

inline constexpr std::array<std::string_view, 6> kAcquisitionChannels = {
    "search", "social", "email", "partner", "store", "direct"};
inline constexpr std::array<double, 6> kAcquisitionWeights = {30, 18, 10,
                                                              10, 22, 10};
// What a new customer of each channel costs in marketing, in euros (CAC).
inline constexpr std::array<double, 6> kAcquisitionCost = {55, 40, 12,
                                                           70, 20, 25};

inline constexpr std::array<std::string_view, 5> kOrderChannels = {
    "web", "app", "store", "phone", "marketplace"};

inline constexpr std::array<std::string_view, 4> kDevices = {
    "desktop", "mobile", "tablet", "app"};

// Self-care acts, their customer-space page and the page that starts them.
struct SelfCareAct {
  std::string_view action;
  std::string_view page;
  double weight;        // how often customers attempt it
  double success_rate;  // share of attempts completed online
};
inline constexpr std::array<SelfCareAct, 5> kSelfCareActs = {{
    {"change_address", "/espace-client/demenagement", 14, 0.72},
    {"update_payment", "/espace-client/paiement", 12, 0.80},
    {"download_invoice", "/espace-client/facture", 40, 0.93},
    {"report_outage", "/espace-client/signaler-panne", 12, 0.60},
    {"cancel_contract", "/espace-client/resiliation", 4, 0.55},
}};
inline constexpr size_t kCancelContract = 4;

// Call reasons: the self-care codes first (same order), then the others.
inline constexpr std::array<std::string_view, 11> kCallReasons = {
    "change_address",  "update_payment",    "download_invoice", "report_outage",
    "cancel_contract", "billing_question",  "complaint",        "product_info",
    "delivery",        "technical_support", "retention_offer"};
inline constexpr std::array<double, 11> kCallReasonWeights = {
    7, 5, 4, 8, 3, 24, 9, 13, 11, 16, 0};
inline constexpr size_t kRetentionOffer = 10;

struct Customer {
  int64_t created_at;
  int64_t churn_at;  // no purchase from then on (may be after the range)
  uint8_t acquisition;
  uint8_t region;
  int16_t birth_year;
  bool consent;
  double value;                   // latent value: drives frequency and basket
  double purchase_rate;           // purchases a month before seasonality
  double mood;                    // latent satisfaction, N(0, 1)
  std::vector<int32_t> visitors;  // indices into the visitors
};

struct Visitor {
  int32_t customer;  // kAnonymous for a visitor never logged in
  uint8_t device;
};

struct Product {
  std::string id;
  uint8_t category;
  int64_t price_cents;
  double margin_rate;
};

struct OrderLine {
  int64_t at;
  int64_t order_key;  // lines of one order share it; ids follow time order
  int32_t customer;
  int32_t product;
  int32_t quantity;
  int64_t amount_cents;
  int64_t margin_cents;
  uint8_t channel;
};

enum class EventType : uint8_t { PageView, Action, Conversion };

struct WebEvent {
  int64_t at;
  int32_t visitor;
  int32_t customer;  // kAnonymous when not logged in
  EventType type;
  int8_t action;  // index into kSelfCareActs, -1 for none
  uint8_t source;
  int32_t page;          // index into the page table, -1 for none
  int32_t load_time_ms;  // 0 for none
};

struct Call {
  int64_t at;
  int32_t customer;
  bool inbound;
  uint8_t reason;
  bool answered;
  int32_t wait_s;
  int32_t handle_s;
  int8_t csat;  // 0 for none
};

struct Survey {
  int64_t at;
  int32_t customer;
  uint8_t step;
  uint8_t channel;
  int8_t csat;  // 0 for none
  int8_t nps;   // -1 for none
};

inline constexpr std::array<std::string_view, 6> kSurveySteps = {
    "discover", "subscribe", "onboarding", "usage", "support", "renewal"};
inline constexpr std::array<std::string_view, 5> kSurveyChannels = {
    "web", "app", "store", "phone", "email"};

struct SpendRow {
  Month month;
  uint8_t channel;
  int64_t spend_cents;
};

// Everything generated, in memory until written.
struct DemoWorld {
  int64_t start = 0;  // first local second of the 15 months
  int64_t end = 0;    // first local second after them
  std::vector<Customer> customers;
  std::vector<Visitor> visitors;
  std::vector<Product> products;
  std::vector<std::string> pages;
  std::vector<OrderLine> orders;
  std::vector<SpendRow> spend;
  std::vector<WebEvent> web_events;
  std::vector<Call> calls;
  std::vector<Survey> surveys;
};

}  // namespace vigie::demo
