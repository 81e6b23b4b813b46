// kpis.json: every KPI of the spec, computed (docs/kpis-json.md).
#include "output/builtin_writers.hpp"
#include "output/exports.hpp"

namespace vigie::output {
namespace {

class KpisJsonWriter final : public Writer {
 public:
  std::string_view name() const override { return "kpis.json"; }
  bool enabled(const spec::Outputs& outputs) const override {
    return outputs.json;
  }
  std::string_view stage() const override { return "exporting"; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    write_kpis_json(out.file("kpis.json"), run.run, run.plan, run.kpis,
                    run.rejects, run.notes);
  }
};

}  // namespace

std::unique_ptr<Writer> kpis_json_writer() {
  return std::make_unique<KpisJsonWriter>();
}

}  // namespace vigie::output
