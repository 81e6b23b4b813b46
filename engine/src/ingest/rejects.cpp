#include "ingest/rejects.hpp"

#include <algorithm>

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

void RejectLog::count_time_range(const std::string& source, int64_t first_us,
                                 int64_t last_us) {
  auto& c = counts_[source];
  c.first_us = std::min(c.first_us.value_or(first_us), first_us);
  c.last_us = std::max(c.last_us.value_or(last_us), last_us);
}

void RejectLog::count_repaired(const std::string& source, int64_t values) {
  auto& c = counts_[source];
  c.repaired = c.repaired.value_or(0) + values;
}

void RejectLog::count_unmatched(const std::string& source, int64_t keys) {
  auto& c = counts_[source];
  c.unmatched = c.unmatched.value_or(0) + keys;
}

}  // namespace vigie::ingest
