// What the spec checker knows of the derived datasets: the session gap
// setting, and derived dataset names accepted as indicator inputs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <iterator>

#include "spec/reader.hpp"

namespace vigie::derive {
namespace {

using ::testing::HasSubstr;

using plugin_host::InputDescriptor;
using plugin_host::OutputKind;
using plugin_host::PluginDescriptor;
using plugin_host::PluginKind;

plugin_host::OutputDescriptor value_output(const char* id, const char* label) {
  plugin_host::OutputDescriptor o;
  o.kind = OutputKind::Value;
  o.id = id;
  o.label = label;
  o.unit = "count";
  return o;
}

PluginDescriptor indicator(const char* name,
                           std::vector<InputDescriptor> inputs) {
  return {PluginKind::Indicator,
          name,
          "1.0",
          "test",
          {},
          {value_output("visits", "Visits"), value_output("people", "People")},
          std::move(inputs)};
}

class Catalog : public spec::PluginCatalog {
 public:
  const PluginDescriptor* find(std::string_view name) const override {
    for (const auto* p : {&web_, &unknown_})
      if (name == p->name) return p;
    return nullptr;
  }
  std::vector<std::string> names(PluginKind kind) const override {
    if (kind != PluginKind::Indicator) return {};
    return {web_.name, unknown_.name};
  }

 private:
  PluginDescriptor web_ = indicator("web", {{"web_events", true},
                                            {"sessions", true},
                                            {"session_events", true},
                                            {"visitor_links", false}});
  // "sesions" is optional: never given, no error.
  PluginDescriptor unknown_ =
      indicator("journeys_probe", {{"journeys", true}, {"sesions", false}});
};

spec::ReadResult read(const std::string& yaml) {
  static const Catalog catalog;
  return spec::read_spec_text(
      yaml, "spec.yaml", catalog,
      [](const std::string&) -> std::optional<std::string> {
        return std::nullopt;
      });
}

std::string all(const spec::ReadResult& r) {
  std::string out;
  for (const auto& d : r.errors) out += spec::format_diagnostic(d) + "\n";
  return out;
}

std::string with_gap(const std::string& gap) {
  return "report: {id: r, title: T, session_gap_minutes: " + gap +
         "}\nsources: []\nkpis: []\nsections: []\n";
}

TEST(SessionGapSetting, DefaultsToThirtyMinutes) {
  auto r = read(
      "report: {id: r, title: T}\nsources: []\nkpis: []\n"
      "sections: []\n");
  ASSERT_TRUE(r.errors.empty()) << all(r);
  EXPECT_EQ(r.spec->report.session_gap_minutes, 30);
}

TEST(SessionGapSetting, TakesWholeMinutesFromOneToADay) {
  for (int gap : {1, 45, 1440}) {
    auto r = read(with_gap(std::to_string(gap)));
    ASSERT_TRUE(r.errors.empty()) << all(r);
    EXPECT_EQ(r.spec->report.session_gap_minutes, gap);
  }
}

TEST(SessionGapSetting, AnythingElseIsAnErrorAtTheValue) {
  // "report: {id: r, title: T, session_gap_minutes: " is 47 characters.
  for (const char* bad : {"0", "1441", "-5"}) {
    auto r = read(with_gap(bad));
    ASSERT_EQ(r.errors.size(), 1u) << all(r);
    EXPECT_EQ(spec::format_diagnostic(r.errors[0]),
              "spec.yaml:1:48: report.session_gap_minutes: expected whole "
              "minutes between 1 and 1440 (a day)");
  }
  for (const char* bad : {"30.5", "half"}) {
    auto r = read(with_gap(bad));
    ASSERT_EQ(r.errors.size(), 1u) << all(r);
    EXPECT_THAT(spec::format_diagnostic(r.errors[0]),
                HasSubstr("spec.yaml:1:48: report.session_gap_minutes: "
                          "expected an integer"));
  }
}

TEST(IndicatorInputs, DerivedDatasetsAreAccepted) {
  auto r = read(
      "report: {id: r, title: T}\nsources: []\nkpis:\n"
      "  - {id: visits, indicator: web}\nsections: []\n");
  EXPECT_TRUE(r.errors.empty()) << all(r);
}

TEST(IndicatorInputs, AnUnknownRequiredInputIsAnErrorOnceAtTheIndicator) {
  auto r = read(
      "report: {id: r, title: T}\nsources: []\nkpis:\n"
      "  - {id: visits, indicator: journeys_probe}\n"
      "  - {id: people, indicator: journeys_probe}\nsections: []\n");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  // "  - {id: visits, indicator: " is 28 characters.
  EXPECT_EQ(
      spec::format_diagnostic(r.errors[0]),
      "spec.yaml:4:29: kpis[0].indicator: indicator 'journeys_probe' "
      "needs dataset 'journeys', which is neither a canonical dataset "
      "(customers, orders, web_events, calls, surveys, "
      "marketing_spend, report_runs, report_deliveries) nor a derived one "
      "(visitor_links, sessions, "
      "session_events, customer_profiles)");
}

}  // namespace
}  // namespace vigie::derive
