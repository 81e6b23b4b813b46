#include "table/canonical.hpp"

namespace vigie::table {
namespace {

using K = ColumnKind;

constexpr CanonicalColumn kCustomers[] = {
    {"customer_id", K::CustomerId, true},
    {"created_at", K::Timestamp, true},
    {"acquisition_channel", K::Text, false},
    {"region", K::Text, false},
    {"birth_year", K::Int, false},
    {"consent_marketing", K::Bool, false},
    {"email", K::Text, false},
};

constexpr CanonicalColumn kOrders[] = {
    {"order_id", K::Text, true},
    // Empty for anonymous sales: revenue, never customer KPIs.
    {"customer_id", K::CustomerId, true, true},
    {"ordered_at", K::Timestamp, true},
    {"amount", K::Decimal, true},
    {"margin", K::Decimal, false},
    {"quantity", K::Int, false},
    {"product_id", K::Text, false},
    {"category", K::Text, false},
    {"channel", K::Text, false},
};

constexpr CanonicalColumn kWebEvents[] = {
    {"ts", K::Timestamp, true},
    {"visitor_id", K::VisitorId, true},
    {"customer_id", K::CustomerId, false},
    {"event_type", K::Text, true},
    {"page", K::Text, false},
    {"action", K::Text, false},
    {"device", K::Text, false},
    {"source", K::Text, false},
    {"load_time_ms", K::Int, false},
};

constexpr CanonicalColumn kCalls[] = {
    {"call_id", K::Text, true},
    {"started_at", K::Timestamp, true},
    {"customer_id", K::CustomerId, false},
    {"direction", K::Text, false},
    {"queue", K::Text, false},
    {"reason", K::Text, false},
    {"outcome", K::Text, true},
    {"wait_s", K::Int, false},
    {"handle_s", K::Int, false},
    {"csat", K::Int, false},
};

constexpr CanonicalColumn kSurveys[] = {
    {"customer_id", K::CustomerId, false},
    {"ts", K::Timestamp, true},
    {"step", K::Text, false},
    {"channel", K::Text, false},
    {"csat", K::Int, false},
    {"nps", K::Int, false},
};

constexpr CanonicalColumn kMarketingSpend[] = {
    {"month", K::Month, true},
    {"channel", K::Text, true},
    {"spend", K::Decimal, true},
};

// Vigie's own history (KPI-CATALOG section 10), read from the state
// database of `vigie serve` (docs/scheduling.md) like any SQL source.
constexpr CanonicalColumn kReportRuns[] = {
    {"report_id", K::Text, true},
    {"slot", K::Timestamp, true},  // when the run was due
    {"period", K::Text, false},
    {"status", K::Text, true},  // running, waiting, succeeded, failed, ...
    {"attempts", K::Int, false},
};
constexpr CanonicalColumn kReportDeliveries[] = {
    {"report_id", K::Text, true},
    {"slot", K::Timestamp, true},  // the slot of the run it delivers
    {"run_id", K::Text, false},
    {"instance", K::Text, false, true},  // the burst value; empty otherwise
    {"recipient", K::Text, true},
    {"status", K::Text, true},  // pending, delivered, failed, expired
    {"attempts", K::Int, false},
};

constexpr CanonicalDataset kDatasets[] = {
    {"customers", kCustomers, "created_at"},
    {"orders", kOrders, "ordered_at"},
    {"web_events", kWebEvents, "ts"},
    {"calls", kCalls, "started_at"},
    {"surveys", kSurveys, "ts"},
    {"marketing_spend", kMarketingSpend, "month"},
    {"report_runs", kReportRuns, "slot"},
    {"report_deliveries", kReportDeliveries, "slot"},
};

}  // namespace

const CanonicalColumn* CanonicalDataset::find(std::string_view column) const {
  for (const auto& c : columns)
    if (c.name == column) return &c;
  return nullptr;
}

std::span<const CanonicalDataset> canonical_datasets() { return kDatasets; }

const CanonicalDataset* find_dataset(std::string_view name) {
  for (const auto& d : kDatasets)
    if (d.name == name) return &d;
  return nullptr;
}

Type storage_type(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::Text:
    case ColumnKind::CustomerId:
    case ColumnKind::VisitorId:
      return Type::Dictionary;
    case ColumnKind::Int:
    case ColumnKind::Month:
      return Type::Int64;
    case ColumnKind::Decimal:
      return Type::Decimal;
    case ColumnKind::Bool:
      return Type::Bool;
    case ColumnKind::Timestamp:
      return Type::Timestamp;
  }
  return Type::String;
}

}  // namespace vigie::table
