// The flow blocks are laid out in: the theme's pages filled top to bottom
// between the margins, a new page when the next piece does not fit.
#pragma once

#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/document.hpp"
#include "render/text_measure.hpp"
#include "render/theme.hpp"
#include "render/wording.hpp"

namespace vigie::render {

// What every block needs besides its own data.
struct RenderContext {
  const Theme& theme;
  const TextMeasurer& text;
  const Locale& locale;
  const Wording& words;
};

class Flow {
 public:
  Flow(std::vector<Page>& pages, const PageSetup& setup)
      : Flow(pages, setup, setup.content_bottom()) {}
  // Pages whose content ends at `bottom` rather than at the page's
  // margin: a block laid out alone on a page as long as it needs, for a
  // target with no pages (the HTML report's charts).
  Flow(std::vector<Page>& pages, const PageSetup& setup, double bottom)
      : pages_(pages), setup_(setup), bottom_(bottom) {
    pages_.emplace_back();
    y_ = setup_.margin_top;
  }

  Page& page() { return pages_.back(); }
  double left() const { return setup_.margin_left; }
  double width() const { return setup_.content_width(); }
  double y() const { return y_; }
  double remaining() const { return bottom_ - y_; }
  bool at_page_top() const { return y_ == setup_.margin_top; }

  // The structure elements open (Page::begin_tag) are closed at the foot
  // of the page and opened again at the top of the next: a block split
  // over pages is an element a page, each page's balanced.
  void new_page() {
    const std::vector<std::string> open = page().open_tags();
    for (size_t i = 0; i < open.size(); ++i) page().end_tag();
    pages_.emplace_back();
    for (const std::string& name : open) page().begin_tag(name);
    y_ = setup_.margin_top;
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
  const PageSetup& setup_;
  double bottom_;
  double y_ = 0;
};

}  // namespace vigie::render
