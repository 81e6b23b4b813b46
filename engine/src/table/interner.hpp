// Turns strings into dense int32 codes of one StringPool, so that columns
// sharing an interner (customer_id everywhere) compare by code.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vigie/sdk/column.hpp"

namespace vigie::table {

class Interner {
 public:
  Interner() : pool_(std::make_shared<StringPool>()) {}
  int32_t intern(std::string_view s) {
    auto it = codes_.find(s);
    if (it != codes_.end()) return it->second;
    int32_t code = pool_->append(s);
    // Keys are owned here: the pool's buffer moves as it grows.
    keys_.emplace_back(s);
    codes_.emplace(keys_.back(), code);
    return code;
  }
  std::shared_ptr<const StringPool> pool() const { return pool_; }
  int32_t size() const { return pool_->size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::shared_ptr<StringPool> pool_;
  std::deque<std::string> keys_;
  std::unordered_map<std::string_view, int32_t, Hash, std::equal_to<>> codes_;
};

}  // namespace vigie::table
