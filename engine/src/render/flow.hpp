// The flow blocks are laid out in: A4 pages filled top to bottom between
// the margins, a new page when the next piece does not fit.
#pragma once

#include <vector>

#include "render/canvas.hpp"
#include "render/document.hpp"
#include "render/text_measure.hpp"
#include "render/theme.hpp"
#include "render/wording.hpp"

namespace vigie::render {

// What every block needs besides its own data.
struct RenderContext {
  const TextMeasurer& text;
  const Locale& locale;
  const Wording& words;
};

class Flow {
 public:
  explicit Flow(std::vector<Page>& pages) : pages_(pages) { new_page(); }
  // Pages whose content ends at `bottom` rather than at the A4 page's
  // margin: a block laid out alone on a page as long as it needs, for a
  // target with no pages (the HTML report's charts).
  Flow(std::vector<Page>& pages, double bottom)
      : pages_(pages), bottom_(bottom) {
    new_page();
  }

  Page& page() { return pages_.back(); }
  double left() const { return theme::kMarginLeft; }
  double width() const { return theme::kContentWidth; }
  double y() const { return y_; }
  double remaining() const { return bottom_ - y_; }
  bool at_page_top() const { return y_ == theme::kMarginTop; }

  void new_page() {
    pages_.emplace_back();
    y_ = theme::kMarginTop;
  }
  // Starts a new page unless `height` fits in what is left of this one.
  // A piece taller than a whole page goes on a fresh page and overflows
  // its bottom margin rather than looping on empty pages.
  void ensure(double height) {
    if (height > remaining() && !at_page_top()) new_page();
  }
  void advance(double height) { y_ += height; }

 private:
  std::vector<Page>& pages_;
  double bottom_ = theme::kContentBottom;
  double y_ = theme::kMarginTop;
};

}  // namespace vigie::render
