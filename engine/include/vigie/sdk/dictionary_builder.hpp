// Fills a dictionary-encoded string column of a batch (Type::Dictionary):
// each distinct value is stored once in the batch's dictionary and every
// row holds its code. The engine then checks, types and interns a batch's
// distinct values only, not each row's: for a file connector, the cheapest
// way to hand over text, and the hashing is done on the connector's own
// thread, beside the engine's.
//
// A column that turns out to hold mostly distinct values (times, order
// ids) would only pay for the hashing: past its first kProbeRows values in
// a batch, when more than 3 in 4 were new, the builder stops looking values
// up and appends each as a new entry. Arrow allows a dictionary to repeat
// a value; the engine types each entry once either way.
#pragma once

#include <memory>
#include <string_view>

#include "vigie/sdk/column.hpp"
#include "vigie/sdk/string_index.hpp"

namespace vigie {

class DictionaryBuilder {
 public:
  // Starts `column` (Type::Dictionary, empty) for a new batch, with room
  // for about the last batch's size.
  void begin(Column& column) {
    column_ = &column;
    pool_ = std::make_shared<StringPool>();
    pool_->reserve(last_entries_, last_bytes_);
    column.dictionary = pool_;
    index_.clear();
    deduplicating_ = true;
    rows_ = 0;
  }

  void push(std::string_view s) {
    ++rows_;
    if (deduplicating_) {
      column_->push_code(index_.find_or_add(*pool_, s));
      if (rows_ == kProbeRows && 4 * index_.size() > 3 * kProbeRows)
        deduplicating_ = false;
    } else {
      column_->push_code(pool_->append(s));
    }
  }

  void push_null() {
    ++rows_;
    column_->push_null();
  }

  // Ends the batch's column: its sizes guide the next batch's.
  void finish() {
    last_entries_ = static_cast<size_t>(pool_->size());
    last_bytes_ = pool_->chars().size();
    column_ = nullptr;
    pool_.reset();
  }

 private:
  static constexpr size_t kProbeRows = 4096;
  Column* column_ = nullptr;
  std::shared_ptr<StringPool> pool_;
  StringIndex<> index_;
  bool deduplicating_ = true;
  size_t rows_ = 0;
  size_t last_entries_ = 0;
  size_t last_bytes_ = 0;
};

}  // namespace vigie
