// Every name a report can show has its words in the catalog, in French and
// in English: the KPIs and the table columns of every built-in indicator
// (read from the built plugins' descriptors), the columns of the canonical
// datasets and of the customer profiles a metric or a list shows, the
// datasets a source fills, and the codes of the data (the self-care
// actions, call reasons, devices, channels and journey steps the demo data
// is drawn from). A KPI, column or code added without its words fails here.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "demo/model.hpp"
#include "derive/catalog.hpp"
#include "locale/catalog.hpp"
#include "plugin_host/library.hpp"
#include "table/canonical.hpp"

namespace vigie::locale {
namespace {

namespace fs = std::filesystem;

// The entry `id`, with words in both languages, or a failure naming it.
::testing::AssertionResult has_both_languages(const std::string& id) {
  const CatalogEntry* entry = find_message(id);
  if (entry == nullptr)
    return ::testing::AssertionFailure() << id << " is not in the catalog";
  if (entry->french.empty() || entry->english.empty())
    return ::testing::AssertionFailure() << id << " lacks a language";
  return ::testing::AssertionSuccess();
}

std::vector<std::shared_ptr<const plugin_host::Library>> built_in_indicators() {
  std::vector<std::shared_ptr<const plugin_host::Library>> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(VIGIE_PLUGIN_DIR, ec)) {
    if (e.path().extension() != ".so") continue;
    auto library = plugin_host::Library::load(e.path());
    if (library->descriptor().kind == plugin_host::PluginKind::Indicator)
      out.push_back(std::move(library));
  }
  return out;
}

TEST(BuiltInLabels, EveryKpiOfEveryBuiltInIndicator) {
  const auto indicators = built_in_indicators();
  ASSERT_GE(indicators.size(), 8u) << "no plugins in " << VIGIE_PLUGIN_DIR;
  int checked = 0;
  for (const auto& library : indicators) {
    const auto& d = library->descriptor();
    for (const auto& output : d.outputs) {
      const std::string id = fmt::format("kpi.{}.{}", d.name, output.id);
      EXPECT_TRUE(has_both_languages(id));
      // The English words are the descriptor's own label, so that the two
      // stay in step.
      if (const CatalogEntry* entry = find_message(id)) {
        EXPECT_EQ(entry->english, output.label.value_or("")) << id;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 60);
}

TEST(BuiltInLabels, EveryColumnOfEveryBuiltInTableAndList) {
  int checked = 0;
  for (const auto& library : built_in_indicators()) {
    for (const auto& output : library->descriptor().outputs) {
      for (const auto& column : output.columns) {
        EXPECT_TRUE(has_both_languages("column." + column.name))
            << library->name() << "." << output.id;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 80);
}

TEST(BuiltInLabels, EveryCanonicalDatasetAndItsColumns) {
  for (const table::CanonicalDataset& dataset : table::canonical_datasets()) {
    EXPECT_TRUE(has_both_languages("dataset." + std::string(dataset.name)));
    for (const table::CanonicalColumn& column : dataset.columns)
      EXPECT_TRUE(has_both_languages("column." + std::string(column.name)))
          << dataset.name;
  }
}

TEST(BuiltInLabels, TheColumnsTheEngineAddsToALists) {
  // The customer profiles joined to every list of customers, and the
  // pseudonym that replaces the customer's id.
  for (std::string_view column : derive::profile_columns())
    EXPECT_TRUE(has_both_languages("column." + std::string(column)));
  EXPECT_TRUE(has_both_languages("column.customer_key"));
}

TEST(BuiltInLabels, EveryCodeOfTheDemoData) {
  std::set<std::string_view> codes;
  for (const auto& act : demo::kSelfCareActs) codes.insert(act.action);
  codes.insert(demo::kCallReasons.begin(), demo::kCallReasons.end());
  codes.insert(demo::kDevices.begin(), demo::kDevices.end());
  codes.insert(demo::kAcquisitionChannels.begin(),
               demo::kAcquisitionChannels.end());
  codes.insert(demo::kOrderChannels.begin(), demo::kOrderChannels.end());
  codes.insert(demo::kSurveySteps.begin(), demo::kSurveySteps.end());
  codes.insert(demo::kSurveyChannels.begin(), demo::kSurveyChannels.end());
  ASSERT_GT(codes.size(), 25u);
  for (std::string_view code : codes)
    EXPECT_TRUE(has_both_languages("term." + std::string(code)));
}

TEST(BuiltInLabels, ColumnsAndTermsAreWordsNotIds) {
  // What a reader sees is never a snake_case id, in either language.
  int labelled = 0;
  for (const CatalogEntry& e : catalog()) {
    const std::string_view id = e.id;
    const size_t dot = id.find('.');
    const std::string_view kind = id.substr(0, dot);
    if (kind != "column" && kind != "term") continue;
    EXPECT_EQ(e.french.find('_'), std::string_view::npos) << id;
    EXPECT_EQ(e.english.find('_'), std::string_view::npos) << id;
    ++labelled;
  }
  EXPECT_GT(labelled, 150);
}

}  // namespace
}  // namespace vigie::locale
