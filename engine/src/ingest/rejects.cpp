#include "ingest/rejects.hpp"

#include <fstream>
#include <stdexcept>

#include "table/csv_field.hpp"
#include "table/text_check.hpp"

namespace vigie::ingest {
void RejectLog::add(Reject r) {
  ++counts_[r.source].rejected;
  // A reason may quote the bad value itself; the file and the messages
  // that show it must stay valid UTF-8.
  r.reason = table::printable_text(r.reason);
  r.origin = table::printable_text(r.origin);
  rejects_.push_back(std::move(r));
}

void RejectLog::count_read(const std::string& source, int64_t rows) {
  counts_[source].read += rows;
}

void RejectLog::write_csv(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary);
  out << "source,origin,line,reason\r\n";
  for (const auto& r : rejects_)
    out << table::csv_field(r.source) << ',' << table::csv_field(r.origin)
        << ',' << r.line << ',' << table::csv_field(r.reason) << "\r\n";
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace vigie::ingest
