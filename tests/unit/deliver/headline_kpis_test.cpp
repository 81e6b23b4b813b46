#include "deliver/headline_kpis.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "real_report.hpp"
#include "smtp_sink_process.hpp"

namespace vigie::deliver {
namespace {

using testing::read_bytes;
using testing::TempDir;
using testing::write_bytes;

// The shape of docs/kpis-json.md, reduced to what the e-mail reads.
constexpr const char* kMinimal = R"({
  "schema": "vigie.kpis/1",
  "report": {"id": "m", "title": "T", "time_zone": "Europe/Paris",
             "period": {"id": "2026-10", "label": "octobre 2026"}},
  "kpis": [
    {"id": "revenue", "kind": "value", "label": "Chiffre d'affaires",
     "unit": "currency", "value": 1234.5, "previous": 1122.27,
     "change": 112.23, "change_ratio": 0.1, "status": "alert"},
    {"id": "by_channel", "kind": "table", "label": "Par canal", "unit": "",
     "columns": [], "rows": []},
    {"id": "churn_rate", "kind": "value", "label": "Taux d'attrition",
     "unit": "ratio", "value": 0.253, "previous": 0.24, "change": 0.013,
     "change_ratio": 0.054, "status": null},
    {"id": "cac", "kind": "value", "label": "CAC", "unit": "currency",
     "value": null, "previous": null, "change": null, "change_ratio": null,
     "status": "none"},
    {"id": "orders", "kind": "value", "label": "Commandes", "unit": "count",
     "value": 6037.0, "previous": 5056.0, "change": 981.0,
     "change_ratio": 0.19402689873417722, "status": "warning"}
  ]
})";

TEST(HeadlineKpis, FormatsValueKpisInTheReportsLocale) {
  const TempDir dir("kpis");
  write_bytes(dir.path() / "kpis.json", kMinimal);
  const auto kpis = headline_kpis(dir.path() / "kpis.json", "fr_FR");
  ASSERT_EQ(kpis.size(), 4u);  // the table is not a headline figure
  EXPECT_EQ(kpis[0].label, "Chiffre d'affaires");
  EXPECT_EQ(kpis[0].value, "1\u202f234,50\u202f€");
  EXPECT_EQ(kpis[0].change, "+10,0\u202f%");
  EXPECT_EQ(kpis[0].status, "alert");
  EXPECT_EQ(kpis[1].value, "25,3\u202f%");
  EXPECT_EQ(kpis[1].change, "+1,3\u202fpt");  // a ratio changes in points
  EXPECT_EQ(kpis[1].status, "");
  EXPECT_EQ(kpis[2].status, "");  // a target but no value
  EXPECT_EQ(kpis[3].value, "6\u202f037");
  EXPECT_EQ(kpis[3].change, "+19,4\u202f%");
  EXPECT_EQ(kpis[3].status, "warning");
  EXPECT_EQ(alert_labels(kpis), std::vector<std::string>{"Chiffre d'affaires"});
  EXPECT_EQ(period_label(dir.path() / "kpis.json"), "octobre 2026");
}

TEST(HeadlineKpis, EnglishNumbersForAnEnglishLocale) {
  const TempDir dir("kpis-en");
  write_bytes(dir.path() / "kpis.json", kMinimal);
  const auto kpis = headline_kpis(dir.path() / "kpis.json", "en_GB");
  EXPECT_EQ(kpis[0].value, "€1,234.50");
  EXPECT_EQ(kpis[3].value, "6,037");
}

TEST(HeadlineKpis, RefusesWhatIsNotAKpisFile) {
  const TempDir dir("bad");
  EXPECT_THROW(headline_kpis(dir.path() / "missing.json", "fr_FR"),
               std::runtime_error);
  write_bytes(dir.path() / "other.json",
              R"({"schema": "other/1", "kpis": []})");
  EXPECT_THROW(headline_kpis(dir.path() / "other.json", "fr_FR"),
               std::runtime_error);
  write_bytes(dir.path() / "broken.json", "{\"schema\": ");
  EXPECT_THROW(headline_kpis(dir.path() / "broken.json", "fr_FR"),
               std::runtime_error);
  EXPECT_THROW(period_label(dir.path() / "broken.json"), std::runtime_error);
}

// French spaces as pdftotext gives them back: plain spaces.
std::string plain_spaces(std::string s) {
  for (const std::string nbsp : {"\u202f", "\u00a0"})
    for (size_t at = s.find(nbsp); at != std::string::npos; at = s.find(nbsp))
      s.replace(at, nbsp.size(), " ");
  return s;
}

TEST(HeadlineKpis, ReadARealRunsFileAsTheReportShowsIt) {
  const auto& report = testing::real_report();
  const auto kpis = headline_kpis(report.kpis_json, "fr_FR");
  const auto doc = nlohmann::json::parse(read_bytes(report.kpis_json));
  size_t values = 0;
  for (const auto& k : doc["kpis"]) values += k["kind"] == "value" ? 1 : 0;
  ASSERT_EQ(kpis.size(), values);
  ASSERT_GT(values, 10u);
  EXPECT_EQ(kpis[0].label, "Chiffre d'affaires");
  EXPECT_TRUE(kpis[0].value.ends_with("\u202f€")) << kpis[0].value;
  EXPECT_NE(kpis[0].status, "");  // revenue has a target in management.yaml
  EXPECT_EQ(period_label(report.kpis_json), "octobre 2026");

  // The figures are the report's own: the same text is on the PDF's
  // revenue tile (page 2 onwards; pdftotext turns U+202F into a space).
  FILE* pipe = popen(
      ("pdftotext -enc UTF-8 '" + report.pdf.string() + "' -").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string pdf_text;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    pdf_text.append(buffer, n);
  ASSERT_EQ(pclose(pipe), 0);
  for (size_t i : {0, 1, 2}) {  // revenue, margin_rate, orders: tiles
    EXPECT_NE(plain_spaces(pdf_text).find(plain_spaces(kpis[i].value)),
              std::string::npos)
        << kpis[i].label << " = " << kpis[i].value;
  }
}

}  // namespace
}  // namespace vigie::deliver
