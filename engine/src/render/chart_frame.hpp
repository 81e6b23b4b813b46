// What every chart shares besides its axes: the message of a chart with
// nothing to draw, the titles of its axes, its series' colours, the labels
// of its categories (wrapped, then cut with an ellipsis) and of its values
// (in full when they fit, else short, else not at all).
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "render/flow.hpp"

namespace vigie::render {

inline constexpr Font kAxisTitleFont{7, false};
inline constexpr double kAxisTitleHeight = 11;
inline constexpr Font kDataLabelFont{7, true};

// Whether any of the values is a number to draw.
bool has_values(const std::vector<double>& values);
bool has_values(const std::vector<std::optional<double>>& values);

// The chart's area with the catalog's "no data for this period" in its
// middle, in a light frame, in place of a chart.
void draw_no_data(Page& page, const RenderContext& ctx, double left, double top,
                  double width, double height);

// The value axis's title above the axis, its left end at `left`; the
// category axis's centred on [left, left + width]. Nothing when empty.
void draw_y_title(Page& page, const RenderContext& ctx,
                  const std::string& title, double left, double top,
                  double width);
void draw_x_title(Page& page, const RenderContext& ctx,
                  const std::string& title, double left, double top,
                  double width);

// `c` moved towards white by `amount` (0: itself, 1: white).
Color lighten(Color c, double amount);

// `label` on at most `max_lines` lines of `width`, broken between words
// only (a word cut in two would read as two); the last line holds the
// rest, cut with an ellipsis when it does not fit.
std::vector<std::string> fit_lines(const TextMeasurer& text,
                                   const std::string& label, Font font,
                                   double width, size_t max_lines);

// A category's label right-aligned in [left, left + width] on up to
// `max_lines` lines (fit_lines), centred on `middle`.
void draw_row_label(Page& page, const RenderContext& ctx,
                    const std::string& label, Font font, double left,
                    double width, double middle, size_t max_lines);

// Ink or white, whichever reads better on `background`.
Color text_color_on(Color background, const RenderContext& ctx);

// A value written on a chart: in full (the locale's separators and unit)
// when it fits in `room`, else in the axis's short form (1,2 M€), else
// empty: a label that does not fit is better left out than overlapping.
// A figure too small for the usual decimals (1e-6) keeps two significant
// digits rather than reading 0.
std::string data_label(double value, const std::string& unit, Font font,
                       double room, const RenderContext& ctx);

// The categories a chart shows: all of them, in their order, when there
// are at most `max`; else the `max - 1` largest (by absolute value, the
// largest first: a top N) and one last category summing the rest,
// labelled with the catalog's "Others (N)".
struct Categories {
  std::vector<std::string> labels;
  std::vector<size_t> kept;  // the input's index of each but "others"
  std::vector<size_t> rest;  // the input's indexes summed into "others"
  bool others() const { return !rest.empty(); }
  size_t size() const { return labels.size(); }
};
// `weights[i]`: how large category i is (its value, or a stacked bar's
// total).
Categories top_categories(const std::vector<std::string>& labels,
                          const std::vector<double>& weights, size_t max,
                          const RenderContext& ctx);

// The value of category `c` of `categories` from `values` (by input
// index), "others" summing the categories left out.
double category_value(const Categories& categories, size_t c,
                      const std::vector<double>& values);

}  // namespace vigie::render
