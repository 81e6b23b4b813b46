#include "ingest/rejects.hpp"

#include <fstream>
#include <stdexcept>

namespace vigie::ingest {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void RejectLog::add(Reject r) {
  ++counts_[r.source].rejected;
  rejects_.push_back(std::move(r));
}

void RejectLog::count_read(const std::string& source, int64_t rows) {
  counts_[source].read += rows;
}

void RejectLog::write_csv(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary);
  out << "source,origin,line,reason\n";
  for (const auto& r : rejects_)
    out << csv_field(r.source) << ',' << csv_field(r.origin) << ',' << r.line
        << ',' << csv_field(r.reason) << '\n';
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace vigie::ingest
