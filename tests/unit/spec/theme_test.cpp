// report.template and report.theme: a template file found by path or by
// name, its values under the spec's own, and every mistake of either at
// its file:line:column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "spec/quantity.hpp"
#include "test_support.hpp"

namespace vigie::spec {
namespace {

namespace fs = std::filesystem;
using testing::all;
using ::testing::ElementsAre;
using testing::env_of;
using ::testing::HasSubstr;

const char kTemplate[] = R"(name: board
page:
  size: A4
  orientation: landscape
  margins: {top: 15mm, left: 1in, right: 36}
grid: {tiles_per_row: 3, gutter: 0.5cm}
font: {family: "Noto Sans, DejaVu Sans"}
colours:
  primary: "#FF0000"
  series: ["#000000", "#FFFFFF"]
logo: {path: logo.png, width: 60}
summary: true
sections_new_page: true
confidentiality: Secret
header: {left: "{{title}}", right: "{{ period }}"}
footer: {centre: "{{page}}"}
)";

// A folder with the template above, a logo and whatever a test adds.
class TemplateFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie-theme-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "templates");
    write("templates/board.yaml", kTemplate);
    // The reader checks the signature; the renderer tests draw real ones.
    write("templates/logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + "rest");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  // A spec in the folder whose report map ends with `look` (indented by
  // two spaces, from line 3 on).
  ReadResult read(const std::string& look,
                  std::map<std::string, std::string> vars = {}) {
    static const testing::FakeCatalog catalog;
    const std::string yaml =
        "report:\n  id: r\n" + look +
        "sources:\n"
        "  - {id: o, connector: crm_sql, dataset: orders,\n"
        "     config: {url: x, table: orders}}\n"
        "kpis:\n"
        "  - {id: value_segments, indicator: customer_base,\n"
        "     parameters: {currency: EUR}}\n"
        "sections:\n"
        "  - title: S\n"
        "    new_page: true\n"
        "    blocks:\n"
        "      - table: value_segments\n";
    return read_spec_text(yaml, (dir_ / "spec.yaml").string(), catalog,
                          env_of(std::move(vars)));
  }

  fs::path dir_;
};

TEST_F(TemplateFolder, ATemplateByPathSetsTheLook) {
  const ReadResult r = read("  title: T\n  template: templates/board.yaml\n");
  ASSERT_TRUE(r.spec) << all(r);
  const render::Theme& t = r.spec->report.theme;
  EXPECT_EQ(r.spec->report.template_name, "templates/board.yaml");
  EXPECT_EQ(t.name, "board");
  EXPECT_NEAR(t.page.width, 841.89, 1e-3);  // A4 landscape
  EXPECT_NEAR(t.page.height, 595.276, 1e-3);
  EXPECT_NEAR(t.page.margin_top, 15 * 72 / 25.4, 1e-9);
  EXPECT_DOUBLE_EQ(t.page.margin_left, 72);
  EXPECT_DOUBLE_EQ(t.page.margin_right, 36);
  EXPECT_DOUBLE_EQ(t.page.margin_bottom, render::PageSetup{}.margin_bottom);
  EXPECT_EQ(t.tiles_per_row, 3);
  EXPECT_NEAR(t.gutter, 72 / 2.54 / 2, 1e-9);
  EXPECT_EQ(t.font_family, "Noto Sans, DejaVu Sans");
  EXPECT_DOUBLE_EQ(t.colours.primary.r, 1);
  EXPECT_DOUBLE_EQ(t.colours.primary.g, 0);
  ASSERT_EQ(t.colours.series.size(), 2u);
  EXPECT_DOUBLE_EQ(t.colours.series[1].b, 1);
  EXPECT_EQ(t.logo.path, (dir_ / "templates" / "logo.png").string());
  EXPECT_DOUBLE_EQ(t.logo.width, 60);
  EXPECT_TRUE(t.cover);  // not set: the default
  EXPECT_TRUE(t.summary);
  EXPECT_TRUE(t.sections_new_page);
  EXPECT_EQ(t.confidentiality, "Secret");
  EXPECT_EQ(t.header.left, "{{title}}");
  EXPECT_EQ(t.header.right, "{{ period }}");
  EXPECT_EQ(t.footer.centre, "{{page}}");
  // A band is overlaid part by part: the default left text stays.
  EXPECT_EQ(t.footer.left, "{{confidentiality}}");
  EXPECT_TRUE(r.spec->sections.at(0).new_page);
}

TEST_F(TemplateFolder, TheSpecsThemeGoesOverTheTemplate) {
  const ReadResult r = read(
      "  title: T\n  template: templates/board.yaml\n"
      "  theme:\n"
      "    page: {orientation: portrait}\n"
      "    summary: false\n"
      "    colours: {primary: \"#00ff00\"}\n"
      "    logo: \"\"\n");
  ASSERT_TRUE(r.spec) << all(r);
  const render::Theme& t = r.spec->report.theme;
  EXPECT_NEAR(t.page.width, 595.276, 1e-3);  // the template's A4, turned
  EXPECT_NEAR(t.page.height, 841.89, 1e-3);
  EXPECT_DOUBLE_EQ(t.page.margin_left, 72);  // the template's still
  EXPECT_FALSE(t.summary);
  EXPECT_TRUE(t.sections_new_page);
  EXPECT_DOUBLE_EQ(t.colours.primary.g, 1);
  EXPECT_EQ(t.logo.path, "");
}

TEST_F(TemplateFolder, ANameIsLookedForInVigieTemplatePath) {
  const ReadResult found = read(
      "  title: T\n  template: board\n",
      {{"VIGIE_TEMPLATE_PATH", "/nowhere:" + (dir_ / "templates").string()}});
  ASSERT_TRUE(found.spec) << all(found);
  EXPECT_EQ(found.spec->report.theme.name, "board");

  const ReadResult unknown =
      read("  title: T\n  template: bord\n",
           {{"VIGIE_TEMPLATE_PATH", (dir_ / "templates").string()}});
  ASSERT_EQ(unknown.errors.size(), 1u) << all(unknown);
  EXPECT_EQ(unknown.errors[0].where.line, 4);
  EXPECT_EQ(unknown.errors[0].where.column, 13);
  EXPECT_EQ(unknown.errors[0].where.path, "report.template");
  EXPECT_THAT(unknown.errors[0].message, HasSubstr("unknown template 'bord'"));
  EXPECT_THAT(unknown.errors[0].message, HasSubstr("did you mean 'board'?"));
  EXPECT_THAT(unknown.errors[0].message, HasSubstr("available: board"));
}

TEST_F(TemplateFolder, ATemplatesMistakesAreAtItsOwnLines) {
  write("templates/bad.yaml",
        "page:\n"
        "  size: A6\n"
        "  margins: {top: 3 furlongs}\n"
        "colours: {primary: \"#12\", ink: blue}\n"
        "grid: {tiles_per_row: 12}\n"
        "footer: {right: \"{{pgae}} {{title}}\"}\n"
        "cover: maybe\n"
        "logo: missing.png\n"
        "colour: {}\n");
  const ReadResult r =
      read("  title: T\n  template: templates/bad.yaml\n  theme: {cover: 2}\n");
  EXPECT_FALSE(r.spec);
  std::vector<std::string> where;
  for (const auto& d : r.errors)
    where.push_back(fs::path(d.where.file).filename().string() + ":" +
                    std::to_string(d.where.line) + ":" +
                    std::to_string(d.where.column));
  // The spec's own first, then the template's, each in line order.
  EXPECT_THAT(where,
              ElementsAre("spec.yaml:5:18", "bad.yaml:2:9", "bad.yaml:3:18",
                          "bad.yaml:4:20", "bad.yaml:4:32", "bad.yaml:5:23",
                          "bad.yaml:6:17", "bad.yaml:7:8", "bad.yaml:8:7",
                          "bad.yaml:9:1"))
      << all(r);
  const std::string text = all(r);
  EXPECT_THAT(text, HasSubstr("expected one of A3, A4, A5, letter, legal"));
  EXPECT_THAT(text, HasSubstr("expected a length"));
  EXPECT_THAT(text, HasSubstr("expected a colour as \"#RRGGBB\""));
  EXPECT_THAT(text, HasSubstr("expected between 1 and 8 tiles a row"));
  EXPECT_THAT(text, HasSubstr("unknown variable {{pgae}}; did you mean "
                              "'page'?"));
  EXPECT_THAT(text, HasSubstr("cannot read the logo"));
  EXPECT_THAT(text, HasSubstr("unknown key 'colour'"));
}

TEST_F(TemplateFolder, MarginsMustLeaveRoomAndTheLogoMustBeAPng) {
  write("templates/not-a-png.png", "GIF89a...");
  const ReadResult r = read(
      "  title: T\n"
      "  theme:\n"
      "    page: {size: A5, orientation: landscape, margins: 8cm}\n"
      "    logo: templates/not-a-png.png\n");
  ASSERT_EQ(r.errors.size(), 2u) << all(r);
  EXPECT_EQ(r.errors[0].where.path, "report.theme.page");
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("the margins leave 142 x -34 pt for the content"));
  EXPECT_EQ(r.errors[1].where.path, "report.theme.logo");
  EXPECT_THAT(r.errors[1].message, HasSubstr("is not a PNG image"));
}

TEST_F(TemplateFolder, NoTemplateKeepsTheDefaultLook) {
  const ReadResult r = read("  title: T\n");
  ASSERT_TRUE(r.spec) << all(r);
  const render::Theme defaults;
  EXPECT_EQ(r.spec->report.template_name, "");
  EXPECT_DOUBLE_EQ(r.spec->report.theme.page.width, defaults.page.width);
  EXPECT_TRUE(r.spec->report.theme.cover);
  EXPECT_FALSE(r.spec->report.theme.summary);
}

TEST(Lengths, AreNumbersWithAUnit) {
  EXPECT_DOUBLE_EQ(*parse_length("36pt"), 36);
  EXPECT_DOUBLE_EQ(*parse_length("1in"), 72);
  EXPECT_NEAR(*parse_length("25.4mm"), 72, 1e-9);
  EXPECT_NEAR(*parse_length("2.54 cm"), 72, 1e-9);
  EXPECT_DOUBLE_EQ(*parse_length("0mm"), 0);
  EXPECT_FALSE(parse_length("36"));  // the reader takes bare points
  EXPECT_FALSE(parse_length("-1mm"));
  EXPECT_FALSE(parse_length("3 furlongs"));
  EXPECT_FALSE(parse_length("mm"));
  EXPECT_FALSE(parse_length("1e9mm"));
}

}  // namespace
}  // namespace vigie::spec
