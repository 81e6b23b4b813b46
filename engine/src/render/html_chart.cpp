// A chart of the HTML report: laid out alone by the PDF's own code (the
// same place_block, on a page as long as the chart needs), and its
// commands written as an inline <svg> whose viewBox is the chart's box.
// What the reader sees on screen is what the PDF shows, text as <text>.
#include "render/blocks.hpp"
#include "render/html_blocks.hpp"
#include "render/svg_canvas.hpp"

namespace vigie::render {
namespace {

// Lines are stroked across the box's edges by up to half their width: the
// view keeps a point more on each side.
constexpr double kBleed = 1;
// A page no chart fills: a bullet chart of many KPIs, small multiples of
// many panels stay one drawing instead of being cut into A4 pages.
constexpr double kEndlessPage = 1e6;

}  // namespace

void write_chart(std::string& out, const Block& chart, std::string_view title,
                 HtmlContext& ctx) {
  std::vector<Page> pages;
  Flow flow(pages, ctx.render().theme.page, kEndlessPage);
  const double top = flow.y();
  place_block(chart, flow, ctx.render());
  // Every block ends by advancing past itself and the gap after it.
  const double bottom = flow.y() - theme::kBlockGap;
  const ViewBox box{flow.left() - kBleed, top - kBleed,
                    flow.width() + 2 * kBleed, bottom - top + 2 * kBleed};
  out += "<figure class=\"block chart\"";
  if (!title.empty()) out += " aria-label=\"" + html_text(title) + "\"";
  out += ">\n";
  out += svg_element(pages.front(), box, ctx.next_id("c"),
                     ctx.render().theme.font_family);
  out += "</figure>\n";
}

}  // namespace vigie::render
