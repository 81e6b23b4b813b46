#include "render/chart_frame.hpp"

#include <algorithm>
#include <numeric>

#include "locale/catalog.hpp"
#include "locale/number_format.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

bool has_values(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(),
                     [](double v) { return std::isfinite(v); });
}

bool has_values(const std::vector<std::optional<double>>& values) {
  return std::any_of(values.begin(), values.end(), [](const auto& v) {
    return v.has_value() && std::isfinite(*v);
  });
}

void draw_no_data(Page& page, const RenderContext& ctx, double left, double top,
                  double width, double height) {
  page.rect(left, top, width, height);
  page.stroke(ctx.theme.colours.rule, 0.75, 3);
  const Font font{theme::kBodySize, false};
  const std::string text = ctx.text.fit(ctx.words.no_data, font, width - 8);
  const TextExtent extent = ctx.text.measure(text, font);
  draw_text(page, ctx.text, text, font, ctx.theme.colours.muted, left,
            top + (height - extent.height) / 2, width, Align::Center);
}

void draw_y_title(Page& page, const RenderContext& ctx,
                  const std::string& title, double left, double top,
                  double width) {
  if (title.empty()) return;
  const std::string text = ctx.text.fit(title, kAxisTitleFont, width);
  draw_text(page, ctx.text, text, kAxisTitleFont, ctx.theme.colours.muted, left,
            top, width);
}

void draw_x_title(Page& page, const RenderContext& ctx,
                  const std::string& title, double left, double top,
                  double width) {
  if (title.empty()) return;
  const std::string text = ctx.text.fit(title, kAxisTitleFont, width);
  draw_text(page, ctx.text, text, kAxisTitleFont, ctx.theme.colours.muted, left,
            top, width, Align::Center);
}

Color lighten(Color c, double amount) {
  return {c.r + (1 - c.r) * amount, c.g + (1 - c.g) * amount,
          c.b + (1 - c.b) * amount};
}

std::vector<std::string> fit_lines(const TextMeasurer& text,
                                   const std::string& label, Font font,
                                   double width, size_t max_lines) {
  if (width <= 0 || max_lines == 0) return {};
  // Broken between words only: a word cut in two would read as two.
  std::vector<std::string> words;
  for (size_t start = 0; start < label.size();) {
    const size_t end = std::min(label.find(' ', start), label.size());
    if (end > start) words.push_back(label.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> lines;
  size_t w = 0;
  while (w < words.size() && lines.size() + 1 < max_lines) {
    // A word longer than the line: it and the rest go on the last line.
    if (text.width(words[w], font) > width) break;
    std::string line = words[w++];
    while (w < words.size() &&
           text.width(line + " " + words[w], font) <= width) {
      line += " " + words[w++];
    }
    lines.push_back(std::move(line));
  }
  if (w < words.size()) {
    // The last line: what is left, cut when it does not fit.
    std::string rest;
    for (; w < words.size(); ++w) rest += (rest.empty() ? "" : " ") + words[w];
    lines.push_back(text.fit(rest, font, width));
  }
  return lines;
}

void draw_row_label(Page& page, const RenderContext& ctx,
                    const std::string& label, Font font, double left,
                    double width, double middle, size_t max_lines) {
  const std::vector<std::string> lines =
      fit_lines(ctx.text, label, font, width, max_lines);
  const double line_height = ctx.text.measure("Ag", font).height;
  double top = middle - static_cast<double>(lines.size()) * line_height / 2;
  for (const std::string& line : lines) {
    top += draw_text(page, ctx.text, line, font, ctx.theme.colours.ink, left,
                     top, width, Align::Right);
  }
}

Color text_color_on(Color background, const RenderContext& ctx) {
  // Relative luminance (sRGB weights): above the middle, dark text.
  const double luminance =
      0.2126 * background.r + 0.7152 * background.g + 0.0722 * background.b;
  return luminance > 0.55 ? ctx.theme.colours.ink : theme::kWhite;
}

std::string data_label(double value, const std::string& unit, Font font,
                       double room, const RenderContext& ctx) {
  if (!std::isfinite(value)) return "";
  std::string full = locale::format_value(value, unit, ctx.locale);
  // Rounded to nothing, a figure that is not zero would read as zero.
  if (value != 0 && full == locale::format_value(0.0, unit, ctx.locale))
    full = locale::format_axis(value, unit, ctx.locale);
  if (ctx.text.width(full, font) <= room) return full;
  const std::string short_form = locale::format_axis(value, unit, ctx.locale);
  if (ctx.text.width(short_form, font) <= room) return short_form;
  return "";
}

Categories top_categories(const std::vector<std::string>& labels,
                          const std::vector<double>& weights, size_t max,
                          const RenderContext& ctx) {
  Categories out;
  const size_t n = weights.size();
  const auto label_of = [&](size_t i) {
    return i < labels.size() ? labels[i] : std::string();
  };
  if (max == 0 || n <= max) {
    for (size_t i = 0; i < n; ++i) {
      out.labels.push_back(label_of(i));
      out.kept.push_back(i);
    }
    return out;
  }
  // The largest first, ties in their order: past its limit, a chart is a
  // top N.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  const auto size_of = [&](size_t i) {
    return std::isfinite(weights[i]) ? std::fabs(weights[i]) : 0.0;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return size_of(a) > size_of(b); });
  const size_t shown = max > 1 ? max - 1 : 1;
  out.kept.assign(order.begin(), order.begin() + static_cast<long>(shown));
  out.rest.assign(order.begin() + static_cast<long>(shown), order.end());
  std::sort(out.rest.begin(), out.rest.end());
  for (size_t i : out.kept) out.labels.push_back(label_of(i));
  const locale::Arg count[] = {locale::Arg::of_number(
      "count", locale::ArgType::Count, static_cast<double>(out.rest.size()))};
  out.labels.push_back(locale::message(ctx.locale, "chart.others", count));
  return out;
}

double category_value(const Categories& categories, size_t c,
                      const std::vector<double>& values) {
  const auto at = [&](size_t i) {
    return i < values.size() && std::isfinite(values[i]) ? values[i] : 0.0;
  };
  if (c < categories.kept.size()) return at(categories.kept[c]);
  double sum = 0;
  for (size_t i : categories.rest) sum += at(i);
  return sum;
}

}  // namespace vigie::render
