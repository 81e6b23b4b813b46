// Every chart, and every edge case of chart_cases.hpp, laid out alone and
// checked on its draw commands: nothing drawn outside the block's box, no
// two texts on each other (their boxes computed from the measured runs),
// the "no data" message exactly where there is nothing to draw; then what
// each chart must say.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "chart_cases.hpp"
#include "locale/catalog.hpp"
#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_axes.hpp"
#include "render/layout.hpp"
#include "render/theme.hpp"
#include "render/wording.hpp"

namespace vigie::render {
namespace {

// The default theme's page, which the expectations below are worked out on.
constexpr PageSetup kPage{};
const Palette kColours{};

using testing::ChartCase;

struct Box {
  double left, top, right, bottom;
};

// A block laid out alone at the top of a page, as the report's flow does.
struct LaidOut {
  std::vector<Page> pages;
  Box box;  // where the block may draw: the flow's width, its height
};

class Layouter {
 public:
  explicit Layouter(const std::string& locale = "fr_FR")
      : locale_(locale, "Europe/Paris"), words_(wording_for(locale_)) {}

  LaidOut lay_out(const Block& block) const {
    LaidOut out;
    const RenderContext ctx{theme_, measurer_, locale_, words_};
    Flow flow(out.pages, theme_.page);
    const double top = flow.y();
    place_block(block, flow, ctx);
    out.box = {flow.left(), top, flow.left() + flow.width(),
               flow.y() - theme::kBlockGap};
    return out;
  }

  const TextMeasurer& measurer() const { return measurer_; }
  const Locale& locale() const { return locale_; }

 private:
  Theme theme_;
  TextMeasurer measurer_;
  Locale locale_;
  Wording words_;
};

std::vector<const cmd::Text*> texts_of(const Page& page) {
  std::vector<const cmd::Text*> out;
  for (const DrawCommand& c : page.commands()) {
    if (const auto* t = std::get_if<cmd::Text>(&c)) out.push_back(t);
  }
  return out;
}

std::vector<std::string> strings_of(const Page& page) {
  std::vector<std::string> out;
  for (const cmd::Text* t : texts_of(page)) out.push_back(t->text);
  return out;
}

Box text_box(const cmd::Text& t, const TextMeasurer& m) {
  const TextExtent e = m.measure(t.text, t.font);
  const double top = t.baseline - e.baseline;
  return {t.x, top, t.x + t.width, top + e.height};
}

// The extent of each command that draws, strokes widened by half their
// width (the widest a chart strokes is 2 points).
std::vector<Box> drawn_boxes(const Page& page, const TextMeasurer& m) {
  std::vector<Box> out;
  for (const DrawCommand& c : page.commands()) {
    if (const auto* p = std::get_if<cmd::MoveTo>(&c)) {
      out.push_back({p->x - 1, p->y - 1, p->x + 1, p->y + 1});
    } else if (const auto* l = std::get_if<cmd::LineTo>(&c)) {
      out.push_back({l->x - 1, l->y - 1, l->x + 1, l->y + 1});
    } else if (const auto* r = std::get_if<cmd::Rect>(&c)) {
      out.push_back(
          {std::min(r->x, r->x + r->width), std::min(r->y, r->y + r->height),
           std::max(r->x, r->x + r->width), std::max(r->y, r->y + r->height)});
    } else if (const auto* ci = std::get_if<cmd::Circle>(&c)) {
      out.push_back({ci->cx - ci->radius, ci->cy - ci->radius,
                     ci->cx + ci->radius, ci->cy + ci->radius});
    } else if (const auto* t = std::get_if<cmd::Text>(&c)) {
      out.push_back(text_box(*t, m));
    }
  }
  return out;
}

bool overlap(const Box& a, const Box& b) {
  constexpr double kSlack = 0.05;  // sums of Pango units round
  return a.left < b.right - kSlack && b.left < a.right - kSlack &&
         a.top < b.bottom - kSlack && b.top < a.bottom - kSlack;
}

std::string describe(const Box& b) {
  return "[" + std::to_string(b.left) + ", " + std::to_string(b.top) + "] - [" +
         std::to_string(b.right) + ", " + std::to_string(b.bottom) + "]";
}

class EveryChart : public ::testing::TestWithParam<ChartCase> {};

TEST_P(EveryChart, DrawsNothingOutsideItsBox) {
  const ChartCase& c = GetParam();
  const Layouter layouter(c.locale);
  const LaidOut out = layouter.lay_out(c.block);
  ASSERT_EQ(out.pages.size(), 1u) << "the block should fit on one page";
  EXPECT_GT(out.box.bottom, out.box.top);
  constexpr double kStroke = 1.0;
  for (const Box& b : drawn_boxes(out.pages[0], layouter.measurer())) {
    EXPECT_GE(b.left, out.box.left - kStroke) << describe(b);
    EXPECT_LE(b.right, out.box.right + kStroke) << describe(b);
    EXPECT_GE(b.top, out.box.top - kStroke) << describe(b);
    EXPECT_LE(b.bottom, out.box.bottom + kStroke) << describe(b);
  }
}

// In a report a chart comes under its section's title: it must still fit
// the page's content area, neither pushed to the next page (leaving the
// title alone) nor running into the footer.
TEST_P(EveryChart, FitsUnderItsSectionTitleOnOnePage) {
  const ChartCase& c = GetParam();
  Document doc;
  doc.title = "Vigie";
  doc.locale = Locale(c.locale, "Europe/Paris");
  doc.sections.push_back(Section{c.name, {c.block}});
  const TextMeasurer measurer;
  const std::vector<Page> pages = layout_document(doc, measurer);
  ASSERT_EQ(pages.size(), 2u) << "the cover, then the section on one page";
  constexpr double kStroke = 1.0;
  const double footer_top = kPage.footer_baseline() - 14;
  for (const Box& b : drawn_boxes(pages[1], measurer)) {
    if (b.top >= footer_top - kStroke) continue;  // the footer itself
    EXPECT_GE(b.top, kPage.margin_top - kStroke) << describe(b);
    EXPECT_LE(b.bottom, kPage.content_bottom() + kStroke) << describe(b);
  }
}

TEST_P(EveryChart, NoTwoTextsOverlap) {
  const ChartCase& c = GetParam();
  const Layouter layouter(c.locale);
  const LaidOut out = layouter.lay_out(c.block);
  const auto texts = texts_of(out.pages[0]);
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_FALSE(texts[i]->text.empty());
    const Box a = text_box(*texts[i], layouter.measurer());
    for (size_t j = i + 1; j < texts.size(); ++j) {
      const Box b = text_box(*texts[j], layouter.measurer());
      EXPECT_FALSE(overlap(a, b))
          << "'" << texts[i]->text << "' " << describe(a) << " and '"
          << texts[j]->text << "' " << describe(b);
    }
  }
}

TEST_P(EveryChart, SaysNoDataExactlyWhenThereIsNone) {
  const ChartCase& c = GetParam();
  const Layouter layouter(c.locale);
  const LaidOut out = layouter.lay_out(c.block);
  const std::string no_data = locale::text(layouter.locale(), "chart.no_data");
  const auto strings = strings_of(out.pages[0]);
  const bool said =
      std::find(strings.begin(), strings.end(), no_data) != strings.end();
  EXPECT_EQ(said, c.no_data) << no_data;
}

TEST_P(EveryChart, WritesNoNumberInScientificNotation) {
  const ChartCase& c = GetParam();
  const LaidOut out = Layouter(c.locale).lay_out(c.block);
  for (const std::string& s : strings_of(out.pages[0])) {
    EXPECT_THAT(s, ::testing::Not(::testing::ContainsRegex("[0-9]e[-+]?[0-9]")))
        << s;
    EXPECT_THAT(s, ::testing::Not(::testing::HasSubstr("nan")));
    EXPECT_THAT(s, ::testing::Not(::testing::HasSubstr("inf")));
  }
}

std::string case_name(const ::testing::TestParamInfo<ChartCase>& info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Charts, EveryChart,
                         ::testing::ValuesIn(testing::chart_cases()),
                         case_name);

// ---- what each chart says

const ChartCase& find_case(const std::string& name) {
  static const std::vector<ChartCase> cases = testing::chart_cases();
  for (const ChartCase& c : cases)
    if (c.name == name) return c;
  throw std::logic_error("no case " + name);
}

std::vector<std::string> strings_of_case(const std::string& name) {
  const ChartCase& c = find_case(name);
  return strings_of(Layouter(c.locale).lay_out(c.block).pages[0]);
}

bool has(const std::vector<std::string>& strings, const std::string& s) {
  return std::find(strings.begin(), strings.end(), s) != strings.end();
}

const std::string kNnbsp = "\u202f";

TEST(ChartWords, MonthLabelsAreAllWholeOrAllBroken) {
  const Theme theme;
  const TextMeasurer measurer;
  const Locale locale("fr_FR", "Europe/Paris");
  const Wording words = wording_for(locale);
  const RenderContext ctx{theme, measurer, locale, words};
  const std::vector<std::string> months{
      "nov. 25", "déc. 25", "janv. 26", "févr. 26", "mars 26",  "avr. 26",
      "mai 26",  "juin 26", "juil. 26", "août 26",  "sept. 26", "oct. 26"};
  // From a plot where every label fits whole on one line to one where
  // none does: at every width, the labels drawn are whole months (one
  // run each), or all broken onto two lines.
  for (double width = 120; width <= 520; width += 4) {
    Page page;
    draw_category_labels(page, months, PlotArea{0, 0, width, 100}, 110, ctx, 0,
                         width, CrowdedLabels::Thin);
    std::vector<std::string> runs;
    for (const DrawCommand& c : page.commands())
      if (const auto* t = std::get_if<cmd::Text>(&c)) runs.push_back(t->text);
    ASSERT_FALSE(runs.empty()) << width;
    const auto whole = [&](const std::string& r) {
      return std::find(months.begin(), months.end(), r) != months.end();
    };
    const size_t whole_runs =
        static_cast<size_t>(std::count_if(runs.begin(), runs.end(), whole));
    EXPECT_TRUE(whole_runs == runs.size() || whole_runs == 0)
        << "at width " << width << ": " << ::testing::PrintToString(runs);
  }
}

TEST(ChartWords, SixtyCategoriesEndInOthers) {
  // 20 bars: the 19 largest, then the 41 others summed.
  EXPECT_TRUE(has(strings_of_case("many_categories_bars"), "Autres (41)"));
  EXPECT_TRUE(has(strings_of_case("many_categories_stacked"), "Autres (41)"));
  // 6 slices: the 5 largest, then 55 others.
  EXPECT_TRUE(has(strings_of_case("many_categories_donut"), "Autres (55)"));
  // 10 steps (and the total): the 9 largest, then 51 others, the label
  // wrapped under its narrow column.
  const auto steps = strings_of_case("many_categories_waterfall");
  EXPECT_TRUE(has(steps, "Autres") && has(steps, "(51)"));
  // Rows and steps are not summed: the rest is named.
  EXPECT_TRUE(has(strings_of_case("many_categories_heatmap"),
                  "… et 30 autre(s), non affiché(s)"));
  EXPECT_TRUE(has(strings_of_case("many_categories_funnel"),
                  "… et 42 autre(s), non affiché(s)"));
}

TEST(ChartWords, TheBarsKeptAreTheLargestAndOthersSumsTheRest) {
  const ChartCase& c = find_case("many_categories_bars");
  const auto& chart = std::get<BarChart>(c.block);
  std::vector<double> sorted = chart.values;
  std::sort(sorted.rbegin(), sorted.rend());
  double rest = 0;
  for (size_t i = 19; i < sorted.size(); ++i) rest += sorted[i];
  const auto strings = strings_of_case("many_categories_bars");
  EXPECT_TRUE(
      has(strings, locale::format_value(sorted[0], "count", Locale("fr_FR"))));
  EXPECT_TRUE(
      has(strings, locale::format_value(rest, "count", Locale("fr_FR"))));
}

TEST(ChartWords, LongLabelsAreWrappedOrCutNeverOverflow) {
  for (const char* name :
       {"long_labels_bars_horizontal", "long_labels_bars_vertical",
        "long_labels_heatmap", "long_labels_donut", "long_labels_funnel",
        "long_labels_line"}) {
    const auto strings = strings_of_case(name);
    bool shown = false;
    for (const std::string& s : strings) {
      // Whole, a line of it, or a prefix cut with an ellipsis.
      if (s.starts_with("Parcours") || s.starts_with("numéro") ||
          s.starts_with("détaillés"))
        shown = true;
    }
    EXPECT_TRUE(shown) << name;
  }
}

TEST(ChartWords, LargeAndSmallFiguresAreWrittenInFull) {
  const auto large = strings_of_case("large_bars");
  const Locale fr("fr_FR");
  EXPECT_TRUE(has(large, locale::format_value(1.2e12, "currency", fr)));
  EXPECT_EQ(locale::format_value(1.2e12, "currency", fr),
            "1" + kNnbsp + "200" + kNnbsp + "000" + kNnbsp + "000" + kNnbsp +
                "000,00" + kNnbsp + "€");
  EXPECT_TRUE(has(large, "1" + kNnbsp + "000" + kNnbsp + "Md€"));
  // Ticks a millionth apart read apart, not all "0".
  const auto small = strings_of_case("small_line");
  EXPECT_TRUE(has(small, "0,000001"));
  EXPECT_TRUE(has(small, "0,000002"));
  EXPECT_TRUE(has(strings_of_case("small_bars"), "0,0002" + kNnbsp + "%"));
}

TEST(ChartWords, TheLineChartAnnotatesItsLastValuesAndComparison) {
  const auto strings = strings_of_case("line_chart");
  const auto& chart = std::get<LineChart>(find_case("line_chart").block);
  const Locale fr("fr_FR");
  for (const LineSeries& s : chart.series) {
    EXPECT_TRUE(
        has(strings, locale::format_value(*s.values.back(), "count", fr)));
    EXPECT_TRUE(has(strings, s.name));
  }
  EXPECT_TRUE(has(strings, "Année précédente"));
  EXPECT_TRUE(has(strings, "Objectif\u00a0: 45" + kNnbsp + "000"));
  // Without a previous period, no dashed line and no legend entry.
  const auto none = strings_of_case("no_previous_line");
  EXPECT_FALSE(has(none, "Année précédente"));
}

size_t dashed_strokes(const std::string& name) {
  const ChartCase& c = find_case(name);
  const LaidOut out = Layouter(c.locale).lay_out(c.block);
  size_t n = 0;
  for (const DrawCommand& d : out.pages[0].commands()) {
    if (const auto* s = std::get_if<cmd::Stroke>(&d)) n += s->dash > 0 ? 1 : 0;
  }
  return n;
}

TEST(ChartWords, TheComparisonLinesAreDashed) {
  // Two series' comparison lines, the target, and the legend's two
  // samples (comparison, target).
  EXPECT_EQ(dashed_strokes("line_chart"), 2u + 1u + 2u);
  EXPECT_EQ(dashed_strokes("no_previous_line"), 1u + 1u);
}

TEST(ChartWords, TheFunnelGivesBothConversions) {
  const auto strings = strings_of_case("funnel_chart");
  // 4 310 of 12 480 = 34,5 %; 1 870 of 2 205 = 84,8 %; of 12 480 = 15,0 %.
  EXPECT_TRUE(has(strings, "34,5" + kNnbsp + "% de l'étape précédente"));
  EXPECT_TRUE(has(strings, "84,8" + kNnbsp + "% de l'étape précédente"));
  EXPECT_TRUE(has(strings, "15,0" + kNnbsp + "% de la première"));
  // An empty first step: no conversion to divide by.
  EXPECT_TRUE(
      has(strings_of_case("zeros_funnel"), "n/a de l'étape précédente"));
}

TEST(ChartWords, TheWaterfallEndsWithItsTotal) {
  const auto strings = strings_of_case("waterfall_chart");
  EXPECT_TRUE(has(strings, "Total"));
  // 5 768,40 + 3 420,10 + 4 526,50 - 640 + 588,50.
  EXPECT_TRUE(has(strings, "13" + kNnbsp + "663,50" + kNnbsp + "€"));
  EXPECT_TRUE(has(strings, "-640,00" + kNnbsp + "€"));
  EXPECT_TRUE(has(strings, "+5" + kNnbsp + "768,40" + kNnbsp + "€"));
}

TEST(ChartWords, TheDonutGivesEachShare) {
  const auto strings = strings_of_case("donut_chart");
  // 21 840 of 42 072.
  EXPECT_TRUE(has(strings, "51,9" + kNnbsp + "%"));
  EXPECT_TRUE(has(strings, "42" + kNnbsp + "072"));
  // Past 6 slices: the 3 smallest (90 + 60 + 12) as others.
  EXPECT_TRUE(has(strings, "Autres (3)"));
  EXPECT_TRUE(has(strings, "162"));
}

TEST(ChartWords, TheNoDataMessageIsInTheReportsLanguage) {
  EXPECT_TRUE(has(strings_of_case("no_data_line_fr"),
                  "Aucune donnée pour cette période"));
  EXPECT_TRUE(
      has(strings_of_case("no_data_line_en"), "No data for this period"));
}

TEST(ChartWords, TheBulletShowsItsValueInItsStatusColour) {
  const ChartCase& c = find_case("bullet_chart");
  const LaidOut out = Layouter().lay_out(c.block);
  bool found = false;
  for (const cmd::Text* t : texts_of(out.pages[0])) {
    if (t->text == "58,0" + kNnbsp + "%") {
      EXPECT_DOUBLE_EQ(t->color.r, kColours.bad.r);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(ChartWords, SparklinesGrowTheirRow) {
  const Layouter layouter;
  TileRow plain = testing::sample_sparkline_tiles();
  for (Tile& t : plain.tiles) t.sparkline.clear();
  const LaidOut with = layouter.lay_out(testing::sample_sparkline_tiles());
  const LaidOut without = layouter.lay_out(plain);
  EXPECT_DOUBLE_EQ(
      (with.box.bottom - with.box.top) - (without.box.bottom - without.box.top),
      theme::kSparklineHeight);
}

TEST(ChartWords, StyledCellsAreTintedByTheirStatus) {
  const LaidOut out = Layouter().lay_out(testing::sample_styled_table());
  std::set<std::tuple<double, double, double>> fills;
  for (const DrawCommand& d : out.pages[0].commands()) {
    if (const auto* f = std::get_if<cmd::Fill>(&d))
      fills.insert({f->color.r, f->color.g, f->color.b});
  }
  // Each status's full colour (the cell's edge) is used.
  for (const Color c : {kColours.good, kColours.warning, kColours.bad}) {
    EXPECT_TRUE(fills.contains({c.r, c.g, c.b}));
  }
  EXPECT_TRUE(
      fills.contains({kColours.primary_light.r, kColours.primary_light.g,
                      kColours.primary_light.b}));
}

}  // namespace
}  // namespace vigie::render
