// lists/<id>.csv: one CSV an operational list, as kpis.json holds it, in
// the dialect of the report's locale or of outputs.lists_csv.
#include "output/builtin_writers.hpp"
#include "output/exports.hpp"

namespace vigie::output {
namespace {

class ListCsvWriter final : public Writer {
 public:
  std::string_view name() const override { return "lists"; }
  bool enabled(const spec::Outputs& outputs) const override {
    return outputs.lists;
  }
  std::string_view stage() const override { return "exporting"; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    const table::CsvDialect dialect =
        list_csv_dialect(run.outputs.lists_csv, run.run.locale);
    for (const auto& k : run.kpis)
      if (k.kind == plugin_host::OutputKind::List && k.table)
        write_table_csv(out.file("lists/" + k.id + ".csv"), *k.table,
                        run.run.time_zone, dialect);
  }
};

}  // namespace

std::unique_ptr<Writer> list_csv_writer() {
  return std::make_unique<ListCsvWriter>();
}

}  // namespace vigie::output
