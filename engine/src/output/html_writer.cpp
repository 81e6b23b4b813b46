// report.html: the report as one self-contained web page
// (render/html_report.hpp), beside the PDF. Drawn on a thread of its own
// while the PDF is drawn: its charts are laid out with its own Pango font
// map, so the drawings share no state.
#include "io/file_writer.hpp"
#include "output/builtin_writers.hpp"
#include "render/html_report.hpp"

namespace vigie::output {
namespace {

class HtmlWriter final : public Writer {
 public:
  std::string_view name() const override { return "html"; }
  bool enabled(const spec::Outputs& outputs) const override {
    return outputs.html;
  }
  std::string_view stage() const override { return "rendering"; }
  bool own_thread() const override { return true; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    io::write_file(out.file("report.html"),
                   render::render_html(run.document.get()));
  }
};

}  // namespace

std::unique_ptr<Writer> html_writer() { return std::make_unique<HtmlWriter>(); }

}  // namespace vigie::output
