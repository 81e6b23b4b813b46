// The keys and values of a spec's lookup (spec::Lookup), read before the
// sources, that mappings consult with lookup('id', key): one customer id
// space across the CRM, the web and the calls.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/expression.hpp"
#include "vigie/sdk/arrow_view.hpp"

namespace vigie::ingest {

class LookupTable {
 public:
  // Binds the key and value expressions to the lookup source's columns.
  // Throws ExpressionError.
  LookupTable(std::string_view key, std::string_view value,
              const std::vector<std::string>& columns);

  // Adds the rows of a batch of the lookup's source: a row whose key is
  // null or does not evaluate is skipped; a key met again with another
  // value becomes ambiguous and matches nothing (a phone number two
  // customers share names neither).
  void add(const TableView& batch);

  // The value of `key`; nullptr for a key unknown or ambiguous.
  const std::string* find(std::string_view key) const;

  int64_t keys() const { return static_cast<int64_t>(values_.size()); }
  int64_t ambiguous() const { return ambiguous_; }
  int64_t skipped() const { return skipped_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  Expression key_;
  Expression value_;
  // An ambiguous key keeps an entry, flagged, so that a third value does
  // not make it look unique again.
  struct Entry {
    std::string value;
    bool ambiguous = false;
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> values_;
  int64_t ambiguous_ = 0;
  int64_t skipped_ = 0;
};

// The run's lookups by id.
using Lookups = std::map<std::string, LookupTable, std::less<>>;

}  // namespace vigie::ingest
