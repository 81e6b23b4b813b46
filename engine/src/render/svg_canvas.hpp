// Canvas written as SVG 1.1 XML, text as real <text> elements: a page that
// can be searched, selected and read aloud, and that weighs about a tenth
// of the glyph outlines Cairo's SVG surface writes. The output is a
// function of the commands alone (no clock, no counter shared with other
// pages or threads): the same page gives the same bytes.
//
// Text is drawn by the viewer with whatever font it has for the family the
// layout measured with (the theme's font family, then the generic sans-serif);
// each run is pinned to its measured width (textLength), so that alignment
// and fitting hold whatever font is used.
#pragma once

#include <string>
#include <string_view>

#include "render/canvas.hpp"

namespace vigie::render {

// The rectangle of a page an SVG shows, in points from the page's top
// left corner.
struct ViewBox {
  double x = 0, y = 0, width = 0, height = 0;
};

class SvgCanvas final : public Canvas {
 public:
  // A page of `width` x `height` points (one user unit a point). The ids
  // the page defines (its clip paths) start with `id_prefix`, so that the
  // pages of one document stay distinct when put into one HTML file.
  // Text names `font_family`, the one the layout was measured with.
  SvgCanvas(double width, double height, std::string id_prefix = "",
            std::string font_family = "DejaVu Sans");
  // The part of a page inside `box`, at its size: what is drawn outside
  // it is cut by the viewBox.
  explicit SvgCanvas(const ViewBox& box, std::string id_prefix = "",
                     std::string font_family = "DejaVu Sans");

  void draw(const cmd::MoveTo& c) override;
  void draw(const cmd::LineTo& c) override;
  void draw(const cmd::Rect& c) override;
  void draw(const cmd::Circle& c) override;
  void draw(const cmd::Fill& c) override;
  void draw(const cmd::Stroke& c) override;
  void draw(const cmd::Text& c) override;
  void draw(const cmd::PushClip& c) override;
  void draw(const cmd::PopClip& c) override;
  void draw(const cmd::Image& c) override;
  void draw(const cmd::BeginTag& c) override;
  void draw(const cmd::EndTag& c) override;

  // The whole document so far, any clip still open closed: an SVG file.
  std::string svg() const;
  // The same <svg> element without the XML declaration nor the namespace
  // (an HTML parser gives it), to be put inside an HTML document.
  std::string svg_element() const;

 private:
  void clear_path();
  std::string element(std::string_view namespace_attribute) const;

  ViewBox box_;
  std::string body_;
  std::string id_prefix_;
  std::string font_family_;
  // The path built since the last paint, as SVG path data.
  std::string path_;
  bool has_current_point_ = false;
  int clips_defined_ = 0;
  int clips_open_ = 0;
};

// A colour as SVG and CSS write it: "#rrggbb".
std::string hex_color(Color c);

// The commands of `page` inside `box` as one <svg> element for an HTML
// document (SvgCanvas::svg_element): a block laid out alone on a page,
// shown at its own size rather than on a whole page.
std::string svg_element(const Page& page, const ViewBox& box,
                        std::string id_prefix, std::string font_family);

}  // namespace vigie::render
