// Rows that could not be read: counted per source and kept with where and
// why (written as rejects.csv by output/exports.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigie::ingest {

struct Reject {
  std::string source;  // spec source id
  std::string origin;  // file or table
  int64_t line = 0;
  std::string reason;
};

struct SourceCounts {
  int64_t read = 0;
  int64_t rejected = 0;
  // Keys its mapping looked up in vain (lookup()): ids of another system
  // no customer matched. Set only for a source that consults a lookup.
  std::optional<int64_t> unmatched;
  // The first and last instants of its kept rows (the dataset's time
  // column, when a timestamp), for the data-quality appendix: a source
  // that stops before the period ends is warned about.
  // Values the connector repaired (`_repaired`: invalid UTF-8 replaced by
  // U+FFFD), when it says.
  std::optional<int64_t> repaired;
  std::optional<int64_t> first_us;
  std::optional<int64_t> last_us;
};

class RejectLog {
 public:
  void add(Reject r);
  void count_read(const std::string& source, int64_t rows);
  void count_unmatched(const std::string& source, int64_t keys);
  void count_repaired(const std::string& source, int64_t values);
  void count_time_range(const std::string& source, int64_t first_us,
                        int64_t last_us);
  const std::vector<Reject>& rejects() const { return rejects_; }
  const std::map<std::string, SourceCounts>& counts() const { return counts_; }
  int64_t total_rejected() const {
    return static_cast<int64_t>(rejects_.size());
  }

 private:
  std::vector<Reject> rejects_;
  std::map<std::string, SourceCounts> counts_;
};

}  // namespace vigie::ingest
