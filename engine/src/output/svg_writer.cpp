// page-1.svg, page-2.svg, ...: one SVG a page of the report
// (render/renderer.hpp). Drawn on a thread of its own while the PDF is
// drawn: each drawing has its own Pango font map, so they share no state.
#include "output/builtin_writers.hpp"
#include "render/renderer.hpp"

namespace vigie::output {
namespace {

class SvgWriter final : public Writer {
 public:
  std::string_view name() const override { return "svg"; }
  bool enabled(const spec::Outputs& outputs) const override {
    return outputs.svg;
  }
  std::string_view stage() const override { return "rendering"; }
  bool own_thread() const override { return true; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    for (const auto& page :
         render::render_svg_pages(run.document.get(), out.dir()))
      out.add(page.filename());
  }
};

}  // namespace

std::unique_ptr<Writer> svg_writer() { return std::make_unique<SvgWriter>(); }

}  // namespace vigie::output
