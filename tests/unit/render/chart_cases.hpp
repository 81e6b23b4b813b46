// Every kind of chart, then every edge case a chart must draw without
// breaking its page, each a block alone: what the layout tests check on
// the draw commands and the golden-image tests compare as pictures.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sample_charts.hpp"

namespace vigie::render::testing {

struct ChartCase {
  std::string name;  // a file name: lower case, underscores
  Block block;
  std::string locale = "fr_FR";
  // Whether the block must show the catalog's "no data" message.
  bool no_data = false;
};

// Test names and failures show the case by its name.
inline void PrintTo(const ChartCase& c, std::ostream* os) { *os << c.name; }

inline LineChart one_series(std::string title, std::string unit,
                            std::vector<std::string> labels,
                            std::vector<std::optional<double>> values) {
  LineChart c;
  c.title = std::move(title);
  c.unit = std::move(unit);
  c.labels = std::move(labels);
  c.series = {{"Réalisé", std::move(values), {}}};
  return c;
}

inline std::vector<ChartCase> chart_types() {
  return {
      {"line_chart", sample_line_chart()},
      {"area_chart", sample_area_chart()},
      {"bar_chart_vertical", sample_bar_chart(BarOrientation::Vertical)},
      {"bar_chart_horizontal", sample_bar_chart(BarOrientation::Horizontal)},
      {"stacked_bar_chart", sample_stacked_bar_chart(false)},
      {"stacked_bar_chart_percent", sample_stacked_bar_chart(true)},
      {"donut_chart", sample_donut_chart()},
      {"funnel_chart", sample_funnel_chart()},
      {"heatmap", sample_heatmap()},
      {"waterfall_chart", sample_waterfall_chart()},
      {"bullet_chart", sample_bullet_chart()},
      {"small_multiples", sample_small_multiples()},
      {"tiles_sparkline", sample_sparkline_tiles()},
      {"table_styles", sample_styled_table()},
  };
}

inline std::vector<ChartCase> edge_cases() {
  std::vector<ChartCase> cases;
  const auto add = [&](std::string name, Block block, bool no_data = false,
                       std::string locale = "fr_FR") {
    cases.push_back(
        {std::move(name), std::move(block), std::move(locale), no_data});
  };
  const std::optional<double> none;

  // No data: every value missing, or no row at all; in both languages.
  add("no_data_line_fr",
      one_series("Chiffre d'affaires", "currency", twelve_months(),
                 std::vector<std::optional<double>>(12)),
      true);
  LineChart english = one_series("Revenue", "currency", twelve_months(),
                                 std::vector<std::optional<double>>(12));
  add("no_data_line_en", english, true, "en_GB");
  BarChart no_bars = sample_bar_chart(BarOrientation::Auto);
  no_bars.labels.clear();
  no_bars.values.clear();
  add("no_data_bars", no_bars, true);
  DonutChart no_slices = sample_donut_chart();
  no_slices.labels.clear();
  no_slices.values.clear();
  add("no_data_donut", no_slices, true, "en_GB");
  Heatmap no_cells = sample_heatmap();
  for (auto& row : no_cells.values) row.assign(row.size(), none);
  add("no_data_heatmap", no_cells, true);
  FunnelChart no_steps = sample_funnel_chart();
  no_steps.labels.clear();
  no_steps.values.clear();
  add("no_data_funnel", no_steps, true);
  WaterfallChart no_savings = sample_waterfall_chart();
  no_savings.labels.clear();
  no_savings.values.clear();
  add("no_data_waterfall", no_savings, true);
  StackedBarChart no_parts = sample_stacked_bar_chart(false);
  no_parts.labels.clear();
  for (auto& s : no_parts.values) s.clear();
  add("no_data_stacked", no_parts, true);
  SmallMultiples no_panels = sample_small_multiples();
  for (auto& p : no_panels.panels) {
    p.values.assign(12, none);
    p.comparison.clear();
  }
  add("no_data_small_multiples", no_panels, true);

  // One point.
  add("one_point_line",
      one_series("Clients actifs", "count", {"oct. 26"}, {48213.0}));
  BarChart one_bar = sample_bar_chart(BarOrientation::Vertical);
  one_bar.labels.resize(1);
  one_bar.values.resize(1);
  add("one_point_bar", one_bar);
  SmallMultiples one_panel = sample_small_multiples();
  one_panel.labels = {"oct. 26"};
  one_panel.panels.resize(1);
  one_panel.panels[0].values = {1500.0};
  one_panel.panels[0].comparison.clear();
  add("one_point_small_multiples", one_panel);

  // Negative values.
  BarChart net = sample_bar_chart(BarOrientation::Vertical);
  net.title = "Solde net de clients par canal";
  net.unit = "count";
  net.values = {420, -1310, 260, -890};
  add("negative_bars_vertical", net);
  net.orientation = BarOrientation::Horizontal;
  add("negative_bars_horizontal", net);
  add("negative_line", one_series("Croissance nette", "count", twelve_months(),
                                  wave(-200, 600, 12)));
  WaterfallChart losses = sample_waterfall_chart();
  losses.values = {-5768.4, 3420.1, -4526.5, -640.0, -588.5};
  add("negative_waterfall", losses);
  StackedBarChart mixed = sample_stacked_bar_chart(false);
  mixed.values = {{1480, -960, 2210, 430, -107}, {-520, 610, 330, -780, 370}};
  add("negative_stacked", mixed);
  Heatmap nps = sample_heatmap();
  nps.title = "NPS par étape et canal";
  nps.unit = "score";
  for (size_t r = 0; r < nps.values.size(); ++r)
    for (size_t c = 0; c < nps.values[r].size(); ++c)
      if (nps.values[r][c]) nps.values[r][c] = (*nps.values[r][c] - 0.55) * 400;
  add("negative_heatmap", nps);

  // All zeros.
  add("zeros_line", one_series("Réclamations", "count", twelve_months(),
                               std::vector<std::optional<double>>(12, 0.0)));
  BarChart zero_bars = sample_bar_chart(BarOrientation::Vertical);
  zero_bars.values.assign(zero_bars.values.size(), 0);
  add("zeros_bars", zero_bars);
  DonutChart zero_slices = sample_donut_chart();
  zero_slices.values.assign(zero_slices.values.size(), 0);
  add("zeros_donut", zero_slices, true);
  FunnelChart zero_steps = sample_funnel_chart();
  zero_steps.values.assign(zero_steps.values.size(), 0);
  add("zeros_funnel", zero_steps);
  WaterfallChart zero_savings = sample_waterfall_chart();
  zero_savings.values.assign(zero_savings.values.size(), 0);
  add("zeros_waterfall", zero_savings);

  // Very large and very small figures.
  BarChart large = sample_bar_chart(BarOrientation::Vertical);
  large.values = {1.2e12, 9.8e11, 4.5e11, 1e12};
  add("large_bars", large);
  add("large_line",
      one_series("Encours", "currency", twelve_months(), wave(1e12, 2e11, 12)));
  add("small_line",
      one_series("Taux d'erreur", "", twelve_months(), wave(3e-6, 2e-6, 12)));
  BarChart small = sample_bar_chart(BarOrientation::Horizontal);
  small.unit = "ratio";
  small.values = {2e-6, 1e-6, 5e-7, 3e-6};
  add("small_bars", small);
  WaterfallChart large_steps = sample_waterfall_chart();
  for (double& v : large_steps.values) v *= 1e8;
  add("large_waterfall", large_steps);

  // 40-character labels.
  BarChart long_bars = sample_bar_chart(BarOrientation::Horizontal);
  long_bars.labels = long_labels(4);
  add("long_labels_bars_horizontal", long_bars);
  long_bars.orientation = BarOrientation::Vertical;
  add("long_labels_bars_vertical", long_bars);
  LineChart long_x =
      one_series("Visites", "count", long_labels(12), wave(4000, 800, 12));
  long_x.series[0].name = long_label(99);
  add("long_labels_line", long_x);
  DonutChart long_slices = sample_donut_chart();
  long_slices.labels = long_labels(long_slices.labels.size());
  add("long_labels_donut", long_slices);
  FunnelChart long_steps = sample_funnel_chart();
  long_steps.labels = long_labels(long_steps.labels.size());
  add("long_labels_funnel", long_steps);
  Heatmap long_cells = sample_heatmap();
  long_cells.rows = long_labels(long_cells.rows.size());
  long_cells.columns = long_labels(long_cells.columns.size());
  add("long_labels_heatmap", long_cells);
  StackedBarChart long_stacks = sample_stacked_bar_chart(false);
  long_stacks.labels = long_labels(long_stacks.labels.size());
  long_stacks.series = {long_label(90), long_label(91)};
  add("long_labels_stacked", long_stacks);
  WaterfallChart long_waterfall = sample_waterfall_chart();
  long_waterfall.labels = long_labels(long_waterfall.labels.size());
  add("long_labels_waterfall", long_waterfall);
  BulletChart long_bullets = sample_bullet_chart();
  for (size_t i = 0; i < long_bullets.bullets.size(); ++i)
    long_bullets.bullets[i].label = long_label(static_cast<int>(i));
  add("long_labels_bullets", long_bullets);
  SmallMultiples long_panels = sample_small_multiples();
  for (size_t i = 0; i < long_panels.panels.size(); ++i)
    long_panels.panels[i].name = long_label(static_cast<int>(i));
  add("long_labels_small_multiples", long_panels);

  // 60 categories: the largest, then "others".
  BarChart many = sample_bar_chart(BarOrientation::Auto);
  many.title = "Appels par motif";
  many.unit = "count";
  many.labels = long_labels(60);
  many.values = counts(60, 10);
  add("many_categories_bars", many);
  DonutChart many_slices = sample_donut_chart();
  many_slices.labels = long_labels(60);
  many_slices.values = counts(60);
  add("many_categories_donut", many_slices);
  StackedBarChart many_stacks = sample_stacked_bar_chart(false);
  many_stacks.labels = long_labels(60);
  many_stacks.values = {counts(60), counts(60, 0.5)};
  add("many_categories_stacked", many_stacks);
  Heatmap many_cells = sample_heatmap();
  many_cells.rows = long_labels(60);
  many_cells.values.assign(60, many_cells.values.front());
  add("many_categories_heatmap", many_cells);
  WaterfallChart many_steps = sample_waterfall_chart();
  many_steps.labels = long_labels(60);
  many_steps.values = counts(60, 10);
  add("many_categories_waterfall", many_steps);
  FunnelChart many_funnel = sample_funnel_chart();
  many_funnel.labels = long_labels(60);
  many_funnel.values.clear();
  for (int i = 0; i < 60; ++i) many_funnel.values.push_back(10000.0 - i * 150);
  add("many_categories_funnel", many_funnel);

  // No previous period: the comparison lines and previous values missing.
  LineChart no_previous = sample_line_chart();
  for (auto& s : no_previous.series) s.comparison.assign(12, none);
  add("no_previous_line", no_previous);
  BulletChart no_previous_bullets = sample_bullet_chart();
  for (auto& b : no_previous_bullets.bullets) b.previous.reset();
  add("no_previous_bullets", no_previous_bullets);
  TileRow no_previous_tiles = sample_sparkline_tiles();
  for (auto& t : no_previous_tiles.tiles) {
    t.previous = "n/a";
    t.change = "n/a";
    t.direction = 0;
    t.sparkline.front().reset();
    t.sparkline[1].reset();
  }
  add("no_previous_tiles", no_previous_tiles);
  return cases;
}

inline std::vector<ChartCase> chart_cases() {
  std::vector<ChartCase> cases = chart_types();
  for (auto& c : edge_cases()) cases.push_back(std::move(c));
  return cases;
}

}  // namespace vigie::render::testing
