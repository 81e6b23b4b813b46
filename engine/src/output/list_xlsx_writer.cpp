// lists/<id>.xlsx: each operational list as a workbook a spreadsheet opens
// as it is (typed cells, a frozen header, a filter), beside its CSV.
#include <date/date.h>

#include <sstream>

#include "output/builtin_writers.hpp"
#include "output/exports.hpp"

namespace vigie::output {
namespace {

// The run's generation time ("2026-11-01T06:00:00+01:00"), as the
// workbook's creation time; 0 (libxlsxwriter then takes the clock's) when
// it is not one.
std::time_t generation_time(const std::string& generated_at) {
  std::istringstream in(generated_at);
  date::sys_seconds t;
  in >> date::parse("%FT%T%Ez", t);
  return in.fail() ? 0 : static_cast<std::time_t>(t.time_since_epoch().count());
}

class ListXlsxWriter final : public Writer {
 public:
  std::string_view name() const override { return "lists.xlsx"; }
  bool enabled(const spec::Outputs& outputs) const override {
    return outputs.lists && outputs.lists_xlsx;
  }
  std::string_view stage() const override { return "exporting"; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    const std::time_t created = generation_time(run.run.generated_at);
    for (const auto& k : run.kpis)
      if (k.kind == plugin_host::OutputKind::List && k.table)
        write_table_xlsx(out.file("lists/" + k.id + ".xlsx"), *k.table,
                         run.run.time_zone, k.id, created);
  }
};

}  // namespace

std::unique_ptr<Writer> list_xlsx_writer() {
  return std::make_unique<ListXlsxWriter>();
}

}  // namespace vigie::output
