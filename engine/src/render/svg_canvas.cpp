#include "render/svg_canvas.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "render/logo.hpp"
#include "render/theme.hpp"
#include "render/xml_text.hpp"
#include "secrets/redactor.hpp"

namespace vigie::render {
namespace {

// A thousandth of a point (0.35 µm) is far below any screen's or printer's
// dot; a fixed number of decimals, trailing zeros dropped, keeps the file
// small and makes the same double always the same text.
void append_number(std::string& out, double v) {
  // NaN or infinity would make the attribute, and the element, invalid;
  // the layout produces neither, this keeps one slip from costing a page.
  if (!std::isfinite(v)) v = 0;
  std::string s = fmt::format("{:.3f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  out += s;
}

std::string number(double v) {
  std::string s;
  append_number(s, v);
  return s;
}

}  // namespace

std::string hex_color(Color c) {
  const auto channel = [](double v) {
    return static_cast<int>(std::clamp(std::lround(v * 255), 0L, 255L));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", channel(c.r), channel(c.g),
                     channel(c.b));
}

SvgCanvas::SvgCanvas(double width, double height, std::string id_prefix,
                     std::string font_family)
    : SvgCanvas(ViewBox{0, 0, width, height}, std::move(id_prefix),
                std::move(font_family)) {}

SvgCanvas::SvgCanvas(const ViewBox& box, std::string id_prefix,
                     std::string font_family)
    : box_(box),
      id_prefix_(std::move(id_prefix)),
      font_family_(std::move(font_family)) {}

void SvgCanvas::clear_path() {
  path_.clear();
  has_current_point_ = false;
}

void SvgCanvas::draw(const cmd::MoveTo& c) {
  path_ += 'M';
  append_number(path_, c.x);
  path_ += ' ';
  append_number(path_, c.y);
  has_current_point_ = true;
}

void SvgCanvas::draw(const cmd::LineTo& c) {
  // As in Cairo, a line with nowhere to start from only moves there.
  path_ += has_current_point_ ? 'L' : 'M';
  append_number(path_, c.x);
  path_ += ' ';
  append_number(path_, c.y);
  has_current_point_ = true;
}

void SvgCanvas::draw(const cmd::Rect& c) {
  // Cairo's rectangle: a closed sub-path, clockwise on the page, ending
  // where it started.
  path_ += 'M';
  append_number(path_, c.x);
  path_ += ' ';
  append_number(path_, c.y);
  path_ += 'h';
  append_number(path_, c.width);
  path_ += 'v';
  append_number(path_, c.height);
  path_ += 'h';
  append_number(path_, -c.width);
  path_ += 'Z';
  has_current_point_ = true;
}

void SvgCanvas::draw(const cmd::Circle& c) {
  // Two half-circles from the rightmost point, in the direction Cairo's
  // arc from 0 to 2π takes: the same winding, so fills agree.
  const std::string r = number(c.radius);
  const std::string y = number(c.cy);
  const std::string half = "A" + r + " " + r + " 0 1 1 ";
  path_ += "M" + number(c.cx + c.radius) + " " + y;
  path_ += half + number(c.cx - c.radius) + " " + y;
  path_ += half + number(c.cx + c.radius) + " " + y + "Z";
  has_current_point_ = true;
}

void SvgCanvas::draw(const cmd::Fill& c) {
  if (path_.empty()) return;
  body_ +=
      fmt::format("<path d=\"{}\" fill=\"{}\"/>\n", path_, hex_color(c.color));
  clear_path();
}

void SvgCanvas::draw(const cmd::Stroke& c) {
  if (path_.empty()) return;
  body_ += fmt::format(
      "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"", path_,
      hex_color(c.color), number(c.width));
  if (c.dash > 0)
    body_ += fmt::format(" stroke-dasharray=\"{}\"", number(c.dash));
  body_ += "/>\n";
  clear_path();
}

void SvgCanvas::draw(const cmd::Text& c) {
  // Cairo's canvas starts and ends a run with a new path: so does this one.
  clear_path();
  // The same redaction as the PDF's (pango::set_text): a secret that
  // reached a text of the report is hidden here too, and the width was
  // measured on the redacted text.
  const std::string shown = secrets::redact(c.text);
  if (shown.empty()) return;
  body_ += "<text x=\"" + number(c.x) + "\" y=\"" + number(c.baseline) +
           "\" font-size=\"" + number(c.font.size) + "\"";
  if (c.font.bold) body_ += " font-weight=\"bold\"";
  body_ += " fill=\"" + hex_color(c.color) + "\"";
  if (std::isfinite(c.width) && c.width > 0) {
    body_ += " textLength=\"" + number(c.width) +
             "\" lengthAdjust=\"spacingAndGlyphs\"";
  }
  body_ += ">" + xml_escaped(shown) + "</text>\n";
}

void SvgCanvas::draw(const cmd::Image& c) {
  clear_path();
  if (!c.png) return;
  // Inline: the page stays one file.
  body_ += fmt::format(
      "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
      "preserveAspectRatio=\"none\" href=\"{}\"/>\n",
      number(c.x), number(c.y), number(c.width), number(c.height),
      png_data_uri(*c.png));
}

void SvgCanvas::draw(const cmd::PushClip& c) {
  clear_path();
  const std::string id = fmt::format("{}clip{}", id_prefix_, ++clips_defined_);
  body_ += fmt::format(
      "<clipPath id=\"{0}\"><rect x=\"{1}\" y=\"{2}\" width=\"{3}\" "
      "height=\"{4}\"/></clipPath>\n<g clip-path=\"url(#{0})\">\n",
      id, number(c.x), number(c.y), number(c.width), number(c.height));
  ++clips_open_;
}

void SvgCanvas::draw(const cmd::PopClip&) {
  if (clips_open_ == 0) return;
  body_ += "</g>\n";
  --clips_open_;
}

// SVG 1.1 has no structure elements to say it with: the text is real
// <text> all the same, and the HTML report says what a chart is around
// its <svg> (<figure>).
void SvgCanvas::draw(const cmd::BeginTag&) {}

void SvgCanvas::draw(const cmd::EndTag&) {}

std::string SvgCanvas::svg() const {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
         element(" xmlns=\"http://www.w3.org/2000/svg\"");
}

std::string SvgCanvas::svg_element() const {
  // An HTML parser puts <svg> and what it holds in the SVG namespace by
  // itself: the page then names no address at all.
  return element("");
}

std::string SvgCanvas::element(std::string_view namespace_attribute) const {
  // One user unit a point, as on the PDF. Presentation attributes on the
  // root are inherited by every element: the family and the round joins
  // (CairoCanvas's, the PDF's) are written once. xml:space keeps the
  // spaces of a run as they were measured (no collapsing, no trimming).
  std::string out = fmt::format(
      "<svg{} version=\"1.1\" width=\"{}pt\" height=\"{}pt\" "
      "viewBox=\"{} {} {} {}\" font-family=\"{}\" "
      "stroke-linejoin=\"round\" xml:space=\"preserve\">\n",
      namespace_attribute, number(box_.width), number(box_.height),
      number(box_.x), number(box_.y), number(box_.width), number(box_.height),
      xml_escaped(fmt::format("'{}', sans-serif", font_family_)));
  out += body_;
  for (int i = 0; i < clips_open_; ++i) out += "</g>\n";
  out += "</svg>\n";
  return out;
}

std::string svg_element(const Page& page, const ViewBox& box,
                        std::string id_prefix, std::string font_family) {
  SvgCanvas canvas(box, std::move(id_prefix), std::move(font_family));
  page.replay(canvas);
  return canvas.svg_element();
}

}  // namespace vigie::render
