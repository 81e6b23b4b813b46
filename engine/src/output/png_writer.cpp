// page-1.png, page-2.png, ...: a preview of each page of the report, drawn
// as the PDF is (render/renderer.hpp), at the spec's resolution. Off
// unless asked for: a whole report in pixels is large.
#include "output/builtin_writers.hpp"
#include "render/renderer.hpp"

namespace vigie::output {
namespace {

class PngWriter final : public Writer {
 public:
  std::string_view name() const override { return "png"; }
  bool enabled(const spec::Outputs& outputs) const override {
    return outputs.png;
  }
  std::string_view stage() const override { return "rendering"; }
  bool own_thread() const override { return true; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    for (const auto& page : render::render_png_pages(
             run.document.get(), out.dir(), run.outputs.png_dpi))
      out.add(page.filename());
  }
};

}  // namespace

std::unique_ptr<Writer> png_writer() { return std::make_unique<PngWriter>(); }

}  // namespace vigie::output
