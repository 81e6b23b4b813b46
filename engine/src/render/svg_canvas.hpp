// Canvas written as SVG 1.1 XML, text as real <text> elements: a page that
// can be searched, selected and read aloud, and that weighs about a tenth
// of the glyph outlines Cairo's SVG surface writes. The output is a
// function of the commands alone (no clock, no counter shared with other
// pages or threads): the same page gives the same bytes.
//
// Text is drawn by the viewer with whatever font it has for the family the
// layout measured with (theme::kFontFamily, then the generic sans-serif);
// each run is pinned to its measured width (textLength), so that alignment
// and fitting hold whatever font is used.
#pragma once

#include <string>

#include "render/canvas.hpp"

namespace vigie::render {

class SvgCanvas final : public Canvas {
 public:
  // A page of `width` x `height` points (one user unit a point). The ids
  // the page defines (its clip paths) start with `id_prefix`, so that the
  // pages of one document stay distinct when put into one HTML file.
  SvgCanvas(double width, double height, std::string id_prefix = "");

  void draw(const cmd::MoveTo& c) override;
  void draw(const cmd::LineTo& c) override;
  void draw(const cmd::Rect& c) override;
  void draw(const cmd::Circle& c) override;
  void draw(const cmd::Fill& c) override;
  void draw(const cmd::Stroke& c) override;
  void draw(const cmd::Text& c) override;
  void draw(const cmd::PushClip& c) override;
  void draw(const cmd::PopClip& c) override;

  // The whole document so far, any clip still open closed.
  std::string svg() const;

 private:
  void clear_path();

  std::string header_;
  std::string body_;
  std::string id_prefix_;
  // The path built since the last paint, as SVG path data.
  std::string path_;
  bool has_current_point_ = false;
  int clips_defined_ = 0;
  int clips_open_ = 0;
};

}  // namespace vigie::render
