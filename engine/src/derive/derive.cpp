#include "derive/derive.hpp"

#include <algorithm>
#include <future>
#include <stdexcept>
#include <utility>

#include "derive/catalog.hpp"
#include "derive/sessions.hpp"
#include "derive/visitor_links.hpp"
#include "derive/visitor_order.hpp"

namespace vigie::derive {

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
  if (!wants("visitor_links") && !wants("sessions") && !wants("session_events"))
    return out;

  VisitorOrder order = order_by_visitor(web_events);
  // Stitching and sessions only read the order: the links are built on a
  // second core while this one builds the sessions.
  std::future<Table> links;
  if (wants("visitor_links"))
    links = std::async(std::launch::async, [&web_events, &order] {
      return build_visitor_links(web_events, order);
    });
  if (wants("sessions")) {
    const int64_t gap_us =
        int64_t{options.session_gap_minutes} * 60 * kMicrosPerSecond;
    out.emplace("sessions", std::make_shared<const Table>(
                                build_sessions(web_events, order, gap_us)));
  }
  if (links.valid())
    out.emplace("visitor_links", std::make_shared<const Table>(links.get()));
  // Last: it takes the order's storage.
  if (wants("session_events"))
    out.emplace("session_events", std::make_shared<const Table>(
                                      build_session_events(std::move(order))));
  return out;
}

DerivedTables derive_datasets(const std::vector<std::string>& wanted,
                              const DerivedTables& canonical,
                              const DeriveOptions& options) {
  for (const auto& name : wanted)
    if (find_derived(name) == nullptr)
      throw std::invalid_argument("'" + name + "' is not a derived dataset");
  DerivedTables out;
  if (auto web = canonical.find("web_events"); web != canonical.end())
    out = derive_datasets(wanted, *web->second, options);
  const bool profiles = std::find(wanted.begin(), wanted.end(),
                                  "customer_profiles") != wanted.end();
  if (profiles && canonical.contains("orders")) {
    DerivedTables inputs = canonical;
    inputs.insert(out.begin(), out.end());
    out.emplace("customer_profiles",
                std::make_shared<const Table>(
                    build_customer_profiles(inputs, options.profiles)));
  }
  return out;
}

}  // namespace vigie::derive
