// Lines over the last periods (or a table's rows): one a series, broken
// where a value is missing, each series' comparison period dashed in a
// lighter shade, the target as a dashed red line, the last value of each
// line written right of the plot, nice value ticks and the category labels
// (thinned when crowded). An area chart fills under its line, several
// series stacked.
#include <algorithm>
#include <cmath>

#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_axes.hpp"
#include "render/chart_frame.hpp"
#include "render/chart_legend.hpp"
#include "render/draw_text.hpp"
#include "render/series_line.hpp"

namespace vigie::render {

namespace {

constexpr double kPointRadius = 2.6;
// The most points a line carries dots on; past it, the dots would merge.
constexpr size_t kMostDots = 40;
// The widest the last values may take right of the plot.
constexpr double kLastValueRoom = 80;
constexpr double kLastValueGap = 5;

size_t point_count(const LineChart& chart) {
  size_t n = chart.labels.size();
  for (const LineSeries& s : chart.series) n = std::max(n, s.values.size());
  return n;
}

// Every series with as many values as the chart has points.
std::vector<std::vector<std::optional<double>>> padded(
    const LineChart& chart, size_t n,
    std::vector<std::optional<double>> LineSeries::*member) {
  std::vector<std::vector<std::optional<double>>> out;
  for (const LineSeries& s : chart.series) {
    std::vector<std::optional<double>> values = s.*member;
    if (!values.empty()) values.resize(n);
    out.push_back(std::move(values));
  }
  return out;
}

// An area chart of several series stacks them: each band's top is the sum
// of the series up to it (a missing value adds nothing).
std::vector<std::vector<std::optional<double>>> stacked(
    const std::vector<std::vector<std::optional<double>>>& series) {
  std::vector<std::vector<std::optional<double>>> out;
  std::vector<double> sum;
  for (const auto& values : series) {
    sum.resize(std::max(sum.size(), values.size()), 0);
    std::vector<std::optional<double>> top(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i] && std::isfinite(*values[i])) sum[i] += *values[i];
      top[i] = sum[i];
    }
    out.push_back(std::move(top));
  }
  return out;
}

Scale value_scale(const std::vector<std::vector<std::optional<double>>>& lines,
                  const std::vector<std::vector<std::optional<double>>>& dashed,
                  std::optional<double> target, bool area) {
  std::vector<double> seen;
  for (const auto* group : {&lines, &dashed}) {
    for (const auto& values : *group) {
      for (const auto& v : values) {
        if (v && std::isfinite(*v)) seen.push_back(*v);
      }
    }
  }
  if (target && std::isfinite(*target)) seen.push_back(*target);
  if (seen.empty()) return nice_scale(0, 1);
  double lo = *std::min_element(seen.begin(), seen.end());
  double hi = *std::max_element(seen.begin(), seen.end());
  // An area starts at zero. A line of positive values far from zero reads
  // better on an axis cut above it; closer than half their height, the
  // zero baseline is kept.
  if (area || (lo >= 0 && lo < hi / 2)) lo = std::min(lo, 0.0);
  if (area) hi = std::max(hi, 0.0);
  return nice_scale(lo, hi);
}

std::optional<size_t> last_present(
    const std::vector<std::optional<double>>& values) {
  for (size_t i = values.size(); i-- > 0;) {
    if (values[i] && std::isfinite(*values[i])) return i;
  }
  return std::nullopt;
}

struct EndLabel {
  std::string text;
  size_t series;
  size_t point;   // the line's last value
  double middle;  // where it is wanted, then where it goes
};

// Moves the labels apart, keeping their order, so that none overlaps the
// next, within [top, bottom]; those that cannot fit are dropped.
std::vector<EndLabel> spread(std::vector<EndLabel> labels, double height,
                             double top, double bottom) {
  std::stable_sort(
      labels.begin(), labels.end(),
      [](const EndLabel& a, const EndLabel& b) { return a.middle < b.middle; });
  const auto fits = static_cast<size_t>(std::max(0.0, (bottom - top) / height));
  if (labels.size() > fits) labels.resize(fits);
  for (size_t i = 0; i < labels.size(); ++i) {
    const double least =
        i == 0 ? top + height / 2 : labels[i - 1].middle + height;
    labels[i].middle = std::max(labels[i].middle, least);
  }
  for (size_t i = labels.size(); i-- > 0;) {
    const double most = i + 1 == labels.size() ? bottom - height / 2
                                               : labels[i + 1].middle - height;
    labels[i].middle = std::min(labels[i].middle, most);
  }
  return labels;
}

std::vector<LegendEntry> legend_of(const LineChart& chart, bool comparison,
                                   const RenderContext& ctx) {
  std::vector<LegendEntry> legend;
  for (size_t i = 0; i < chart.series.size(); ++i) {
    std::string name = chart.series[i].name;
    if (name.empty()) name = ctx.words.actual;
    legend.push_back(
        {name, ctx.theme.colours.series_colour(i), 0, !chart.area, chart.area});
  }
  if (comparison) {
    const Color color = chart.series.size() == 1
                            ? lighten(ctx.theme.colours.series_colour(0), 0.35)
                            : ctx.theme.colours.muted;
    legend.push_back({chart.comparison_name, color, 3, false, false});
  }
  if (chart.target) {
    legend.push_back(
        {std::string(ctx.words.target) + ctx.words.colon +
             locale::format_value(chart.target, chart.unit, ctx.locale),
         ctx.theme.colours.target, 4, false, false});
  }
  return legend;
}

}  // namespace

double line_chart_height(const LineChart&) {
  return theme::kBlockTitleHeight + theme::kLineChartHeight;
}

void place_line_chart(const LineChart& chart, Flow& flow,
                      const RenderContext& ctx) {
  const double height = line_chart_height(chart);
  flow.ensure(height);
  Page& page = flow.page();
  const double top = flow.y();
  const double left = flow.left();
  const double width = flow.width();
  const double bottom = top + height;

  const size_t n = point_count(chart);
  const auto lines = padded(chart, n, &LineSeries::values);
  const auto comparisons = padded(chart, n, &LineSeries::comparison);
  const bool any_comparison =
      std::any_of(comparisons.begin(), comparisons.end(),
                  [](const auto& c) { return has_values(c); });
  const bool any_value = std::any_of(
      lines.begin(), lines.end(), [](const auto& l) { return has_values(l); });

  double y = top + draw_chart_heading(page, ctx, chart.title,
                                      legend_of(chart, any_comparison, ctx),
                                      left, top, width);
  if (!any_value) {
    draw_no_data(page, ctx, left, y, width, bottom - y);
    flow.advance(height + theme::kBlockGap);
    return;
  }
  draw_y_title(page, ctx, chart.axes.value, left, y, width);
  if (!chart.axes.value.empty()) y += kAxisTitleHeight;
  const double x_title = chart.axes.category.empty() ? 0 : kAxisTitleHeight;

  const bool stack = chart.area && lines.size() > 1;
  const auto tops = stack ? stacked(lines) : lines;
  const Scale scale = value_scale(tops, comparisons, chart.target, chart.area);
  const double axis = value_axis_width(scale, chart.unit, ctx);

  // The last value of each line, written right of the plot.
  std::vector<EndLabel> ends;
  double end_width = 0;
  for (size_t s = 0; s < lines.size(); ++s) {
    const auto last = last_present(lines[s]);
    if (!last) continue;
    const std::string text = data_label(*lines[s][*last], chart.unit,
                                        kDataLabelFont, kLastValueRoom, ctx);
    if (text.empty()) continue;
    end_width = std::max(end_width, ctx.text.width(text, kDataLabelFont));
    ends.push_back({text, s, *last, 0});
  }
  const double right_room = ends.empty() ? 0 : end_width + kLastValueGap;
  const PlotArea plot{left + axis + kAxisLabelGap, y + 6,
                      width - axis - kAxisLabelGap - right_room,
                      bottom - x_title - kCategoryLabelsHeight - (y + 6)};
  draw_value_axis(page, scale, plot, chart.unit, ctx);
  if (chart.target && std::isfinite(*chart.target)) {
    const double ty = plot.y_of(scale, *chart.target);
    page.line(plot.left, ty, plot.right(), ty, ctx.theme.colours.target, 1, 4);
  }

  if (chart.area) {
    const double base = baseline_of(scale);
    std::vector<double> lower;
    for (size_t s = 0; s < tops.size(); ++s) {
      fill_series_area(
          page, tops[s], lower, base, scale, plot,
          lighten(ctx.theme.colours.series_colour(s), stack ? 0.45 : 0.75));
      if (stack) {
        lower.assign(n, base);
        for (size_t i = 0; i < n; ++i) {
          if (tops[s][i]) lower[i] = *tops[s][i];
        }
      }
    }
  }
  for (size_t s = 0; s < comparisons.size(); ++s) {
    if (!has_values(comparisons[s])) continue;
    draw_series_line(
        page, comparisons[s], scale, plot,
        {lighten(ctx.theme.colours.series_colour(s), 0.35), 1.2, 3, 0, true});
  }
  const bool dots = !chart.area && n <= kMostDots;
  for (size_t s = 0; s < tops.size(); ++s) {
    draw_series_line(page, tops[s], scale, plot,
                     {ctx.theme.colours.series_colour(s), 1.6, 0,
                      dots ? kPointRadius : 0, true});
  }

  // Each end label at the height of its line's last value.
  for (EndLabel& end : ends) {
    end.middle = plot.y_of(scale, *tops[end.series][end.point]);
  }
  const double label_height = ctx.text.measure("Ag", kDataLabelFont).height;
  for (const EndLabel& end :
       spread(ends, label_height, plot.top - 4, plot.bottom() + 4)) {
    draw_text(page, ctx.text, end.text, kDataLabelFont,
              ctx.theme.colours.series_colour(end.series),
              plot.right() + kLastValueGap, end.middle - label_height / 2,
              end_width);
  }

  // Labels and values are paired by position; extra labels have no point.
  std::vector<std::string> labels = chart.labels;
  labels.resize(n);
  draw_category_labels(page, labels, plot, plot.bottom() + 5, ctx, left,
                       left + width, CrowdedLabels::Thin);
  draw_x_title(page, ctx, chart.axes.category, plot.left,
               bottom - kAxisTitleHeight + 1, plot.width);
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
