#include "output/builtin_writers.hpp"

#include "output/writer_registry.hpp"

namespace vigie::output {

WriterRegistry builtin_writers() {
  WriterRegistry writers;
  // The drawings first: a stage of its own, the SVG pages and the HTML
  // page each drawn on a thread of its own while the PDF is drawn; then
  // the exports, one after the other.
  writers.add(pdf_writer());
  writers.add(svg_writer());
  writers.add(png_writer());
  writers.add(html_writer());
  writers.add(kpis_json_writer());
  writers.add(list_csv_writer());
  writers.add(list_xlsx_writer());
  writers.add(rejects_writer());
  return writers;
}

}  // namespace vigie::output
