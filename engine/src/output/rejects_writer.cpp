// rejects.csv: the rows the sources gave that could not be read, with
// where and why (docs/data-model.md). Not a choice of the spec: a report
// made without some rows always says which.
#include "output/builtin_writers.hpp"
#include "output/exports.hpp"

namespace vigie::output {
namespace {

class RejectsWriter final : public Writer {
 public:
  std::string_view name() const override { return "rejects"; }
  bool enabled(const spec::Outputs&) const override { return true; }
  std::string_view stage() const override { return "exporting"; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    if (run.rejects.total_rejected() > 0)
      write_rejects_csv(out.file("rejects.csv"), run.rejects);
  }
};

}  // namespace

std::unique_ptr<Writer> rejects_writer() {
  return std::make_unique<RejectsWriter>();
}

}  // namespace vigie::output
