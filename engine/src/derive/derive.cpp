#include "derive/derive.hpp"

#include <algorithm>
#include <stdexcept>

#include "derive/catalog.hpp"
#include "derive/sessions.hpp"
#include "derive/visitor_links.hpp"
#include "derive/visitor_order.hpp"

namespace vigie::derive {
namespace {

const Column& required_column(const Table& web_events, const char* name) {
  if (const Column* c = web_events.find(name)) return *c;
  throw std::invalid_argument(std::string("web_events has no column ") + name);
}

}  // namespace

DerivedTables derive_datasets(const std::vector<std::string>& wanted,
                              const Table& web_events,
                              const DeriveOptions& options) {
  for (const auto& name : wanted)
    if (find_derived(name) == nullptr)
      throw std::invalid_argument("'" + name + "' is not a derived dataset");
  const auto wants = [&](const char* name) {
    return std::find(wanted.begin(), wanted.end(), name) != wanted.end();
  };
  DerivedTables out;
  if (wanted.empty()) return out;

  VisitorOrder order =
      order_by_visitor(required_column(web_events, "visitor_id"),
                       required_column(web_events, "ts"));
  if (wants("visitor_links"))
    out.emplace("visitor_links", std::make_shared<const Table>(
                                     build_visitor_links(web_events, order)));
  if (wants("sessions")) {
    const int64_t gap_us =
        int64_t{options.session_gap_minutes} * 60 * kMicrosPerSecond;
    out.emplace("sessions", std::make_shared<const Table>(
                                build_sessions(web_events, order, gap_us)));
  }
  // Last: it takes the order's rows.
  if (wants("session_events"))
    out.emplace("session_events", std::make_shared<const Table>(
                                      build_session_events(std::move(order))));
  return out;
}

}  // namespace vigie::derive
