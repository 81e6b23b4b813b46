#include "ingest/rejects.hpp"

namespace vigie::ingest {
void RejectLog::add(Reject r) {
  ++counts_[r.source].rejected;
  rejects_.push_back(std::move(r));
}

void RejectLog::count_read(const std::string& source, int64_t rows) {
  counts_[source].read += rows;
}

}  // namespace vigie::ingest
