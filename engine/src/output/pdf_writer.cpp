// report.pdf: the report drawn on A4 pages (render/renderer.hpp).
#include "output/builtin_writers.hpp"
#include "render/renderer.hpp"

namespace vigie::output {
namespace {

class PdfWriter final : public Writer {
 public:
  std::string_view name() const override { return "pdf"; }
  bool enabled(const spec::Outputs& outputs) const override {
    return outputs.pdf;
  }
  std::string_view stage() const override { return "rendering"; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    const int pages =
        render::render_pdf(run.document.get(), out.dir() / "report.pdf");
    out.add("report.pdf", pages);
  }
};

}  // namespace

std::unique_ptr<Writer> pdf_writer() { return std::make_unique<PdfWriter>(); }

}  // namespace vigie::output
