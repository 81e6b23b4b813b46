// Turns strings into dense int32 codes of one StringPool, so that columns
// sharing an interner (customer_id everywhere) compare by code. The table
// is the SDK's StringIndex (vigie/sdk/string_index.hpp), hashed with XXH3.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "table/string_hash.hpp"
#include "vigie/sdk/string_index.hpp"

namespace vigie::table {

class Interner {
 public:
  int32_t intern(std::string_view s) { return index_.find_or_add(*pool_, s); }

  // Room for `distinct` strings of `bytes` characters in all, so that a
  // dataset whose size is known grows its table and pool once.
  void reserve(size_t distinct, size_t bytes) {
    pool_->reserve(distinct, bytes);
    index_.reserve(distinct);
  }

  std::shared_ptr<const StringPool> pool() const { return pool_; }
  int32_t size() const { return pool_->size(); }

 private:
  std::shared_ptr<StringPool> pool_ = std::make_shared<StringPool>();
  StringIndex<StringHash> index_;
};

}  // namespace vigie::table
