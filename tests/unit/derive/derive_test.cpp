// derive_datasets as a run uses it: only the tables asked for, sharing
// web_events' pools, lent as Arrow without copying, and read by an
// indicator through the engine's own plugin host.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "derive/catalog.hpp"
#include "derive/derive.hpp"
#include "support/run_indicator.hpp"
#include "web_events.hpp"

namespace vigie::derive {
namespace {

using testing::at;
using testing::kMinute;
using testing::WebEvents;

const int64_t t0 = at(2026, 10, 5, 10, 0);

std::vector<std::string> names_of(const DerivedTables& tables) {
  std::vector<std::string> names;
  for (const auto& [name, table] : tables) names.push_back(name);
  return names;
}

TEST(DeriveDatasets, BuildsOnlyTheTablesAskedFor) {
  WebEvents web({{t0, "v1", "K1"}, {t0 + kMinute, "v1"}});
  EXPECT_TRUE(derive_datasets({}, web.table, {}).empty());
  EXPECT_THAT(names_of(derive_datasets({"sessions"}, web.table, {})),
              ::testing::ElementsAre("sessions"));
  EXPECT_THAT(names_of(derive_datasets({"visitor_links"}, web.table, {})),
              ::testing::ElementsAre("visitor_links"));
  EXPECT_THAT(names_of(derive_datasets({"session_events", "visitor_links"},
                                       web.table, {})),
              ::testing::ElementsAre("session_events", "visitor_links"));
}

TEST(DeriveDatasets, AnUnknownNameIsRefused) {
  WebEvents web({{t0, "v1"}});
  EXPECT_THROW(derive_datasets({"journeys"}, web.table, {}),
               std::invalid_argument);
  EXPECT_THROW(derive_datasets({"web_events"}, web.table, {}),
               std::invalid_argument);
}

TEST(DeriveDatasets, TheCatalogNamesTheFourTablesAndTheirSource) {
  std::vector<std::string> names, from;
  for (const auto& d : derived_datasets()) {
    names.emplace_back(d.name);
    from.emplace_back(d.from);
  }
  EXPECT_THAT(names,
              ::testing::ElementsAre("visitor_links", "sessions",
                                     "session_events", "customer_profiles"));
  EXPECT_THAT(from, ::testing::ElementsAre("web_events", "web_events",
                                           "web_events", "orders"));
  EXPECT_EQ(find_derived("orders"), nullptr);
}

TEST(DeriveDatasets, ProfilesNeedOrdersAndWebTablesNeedWebEvents) {
  // Without orders nor web_events nothing is built, and no error: the
  // indicator that needs a table names the missing dataset.
  EXPECT_TRUE(
      derive_datasets({"customer_profiles", "sessions"}, DerivedTables{}, {})
          .empty());
  EXPECT_THROW(derive_datasets({"journeys"}, DerivedTables{}, {}),
               std::invalid_argument);
}

// The exported Arrow buffers are the table's own vectors and web_events'
// pool, not copies.
TEST(DeriveDatasets, ExportedAsArrowWithoutCopying) {
  WebEvents web({{t0, "v1", "", "page_view", "mobile"},
                 {t0 + kMinute, "v2", "", "page_view", "desktop"}});
  auto tables = derive_datasets({"sessions", "session_events"}, web.table, {});
  const auto& sessions = tables.at("sessions");
  ArrowArray array;
  ArrowSchema schema;
  export_table(sessions, &array, &schema);
  const Column& device = *sessions->find("device");
  const Column& started = *sessions->find("started_at");
  const StringPool& device_pool = *web.table.find("device")->dictionary;
  bool seen_device = false, seen_started = false;
  for (int64_t i = 0; i < schema.n_children; ++i) {
    const std::string name = schema.children[i]->name;
    const ArrowArray* child = array.children[i];
    if (name == "device") {
      seen_device = true;
      EXPECT_EQ(child->buffers[1], device.codes.data());
      EXPECT_EQ(child->dictionary->buffers[2], device_pool.chars().data());
    } else if (name == "started_at") {
      seen_started = true;
      EXPECT_EQ(child->buffers[1], started.ints.data());
    }
  }
  EXPECT_TRUE(seen_device && seen_started);
  array.release(&array);
  schema.release(&schema);
}

// derived_probe (plugins/testing) reads sessions, session_events and
// visitor_links through the C ABI and counts them per period.
TEST(DeriveDatasets, AnIndicatorReadsThemThroughThePluginHost) {
  const int64_t sep = at(2026, 9, 1), oct = at(2026, 10, 1),
                nov = at(2026, 11, 1);
  WebEvents web({
      // A session started in September, running into October.
      {at(2026, 9, 30, 23, 50), "v1", "K1"},
      {at(2026, 10, 1, 0, 10), "v1"},
      // Two October sessions of v1: 45 minutes apart.
      {at(2026, 10, 5, 10, 0), "v1"},
      {at(2026, 10, 5, 10, 45), "v1"},
      // One of v2: a page view, then an action.
      {at(2026, 10, 7, 8, 0), "v2", "", "page_view"},
      {at(2026, 10, 7, 8, 1), "v2", "", "action"},
      // v3 logs in on 20 October.
      {at(2026, 10, 20, 12, 0), "v3", "K2"},
  });
  auto tables = derive_datasets({"visitor_links", "sessions", "session_events"},
                                web.table, {});
  vigie::testing::NamedTables lent;
  for (const auto& [name, table] : tables) lent.emplace_back(name, *table);
  auto run = vigie::testing::run_indicator("derived_probe", {}, std::move(lent),
                                           {{sep, oct}, {oct, nov}}, 1);
  EXPECT_EQ(run.value("probe_sessions", 0), 1);
  EXPECT_EQ(run.value("probe_sessions", 1), 4);
  EXPECT_EQ(run.value("probe_page_views", 0), 2);
  EXPECT_EQ(run.value("probe_page_views", 1), 4);
  EXPECT_EQ(run.value("probe_session_events", 0), 2);
  EXPECT_EQ(run.value("probe_session_events", 1), 5);
  // Linked at 1 October: v1 (since 30 September); at 1 November: v1, v3.
  EXPECT_EQ(run.value("probe_linked_visitors", 0), 1);
  EXPECT_EQ(run.value("probe_linked_visitors", 1), 2);
}

}  // namespace
}  // namespace vigie::derive
