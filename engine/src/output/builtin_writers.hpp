// The output writers of this version, each defined in a file of its own
// and put in order in builtin_writers() (builtin_writers.cpp).
#pragma once

#include <memory>

#include "output/writer.hpp"

namespace vigie::output {

std::unique_ptr<Writer> pdf_writer();        // report.pdf
std::unique_ptr<Writer> svg_writer();        // page-N.svg
std::unique_ptr<Writer> png_writer();        // page-N.png, on request
std::unique_ptr<Writer> html_writer();       // report.html
std::unique_ptr<Writer> kpis_json_writer();  // kpis.json
std::unique_ptr<Writer> list_csv_writer();   // lists/<id>.csv
std::unique_ptr<Writer> list_xlsx_writer();  // lists/<id>.xlsx
std::unique_ptr<Writer> rejects_writer();    // rejects.csv

}  // namespace vigie::output
