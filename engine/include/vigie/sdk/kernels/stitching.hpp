// The person of a visitor at a given as_of, read from the engine's derived
// dataset `visitor_links` (docs/architecture.md, "Derived datasets"): one
// row each time a visitor's linked customer changes, sorted by visitor then
// `since`. The person of visitor v at t is the customer of v's last row
// with since < t; a visitor without one is not linked (it is its own
// person). One table serves every as_of: P, P' and the whole series.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/kernels/periods.hpp"
#include "vigie/sdk/kernels/sources.hpp"

namespace vigie::sdk::kernels {

class Stitching {
 public:
  // `visitor_count` is the size of the run's visitor dictionary (the
  // dictionary_size() of web_events.visitor_id).
  Stitching(const TableView& visitor_links, int64_t visitor_count)
      : offsets_(static_cast<size_t>(visitor_count) + 1, 0) {
    const ColumnView& visitor = visitor_links.column("visitor_id");
    const ColumnView& customer = visitor_links.column("customer_id");
    const ColumnView& since = visitor_links.column("since");
    customer_count_ = customer.dictionary_size();
    const int32_t* visitors = visitor.codes();
    const int32_t* customers = customer.codes();
    const int64_t* times = since.ints();
    int64_t rows = visitor_links.rows();
    since_.resize(static_cast<size_t>(rows));
    customer_.resize(static_cast<size_t>(rows));
    for (int64_t row = 0; row < rows; ++row) {
      if (!visitor.is_valid(row) || !customer.is_valid(row) ||
          !since.is_valid(row))
        throw bad_row(row, "has a null value");
      int32_t v = visitors[row];
      if (v < 0 || v >= visitor_count)
        throw bad_row(row, "has a visitor code beyond the visitor dictionary");
      if (customers[row] < 0 || customers[row] >= customer_count_)
        throw bad_row(row,
                      "has a customer code beyond the customer dictionary");
      if (row > 0 && (v < visitors[row - 1] ||
                      (v == visitors[row - 1] && times[row] < times[row - 1])))
        throw bad_row(row, "is out of order (sorted by visitor, then since)");
      ++offsets_[static_cast<size_t>(v) + 1];
      since_[static_cast<size_t>(row)] = times[row];
      customer_[static_cast<size_t>(row)] = customers[row];
    }
    for (size_t v = 1; v < offsets_.size(); ++v) offsets_[v] += offsets_[v - 1];
    if (person_key_count() > std::numeric_limits<int32_t>::max())
      throw std::length_error(
          "customers and visitors together are beyond int32 person keys");
  }

  int64_t visitor_count() const {
    return static_cast<int64_t>(offsets_.size()) - 1;
  }
  int64_t customer_count() const { return customer_count_; }

  // The customer code visitor v is linked to at as_of, or kNone.
  int32_t person(int32_t visitor, int64_t as_of) const {
    auto v = static_cast<size_t>(visitor);
    auto first = since_.begin() + offsets_[v];
    auto last = since_.begin() + offsets_[v + 1];
    // The first link at or after as_of; the one before it holds.
    auto at = std::lower_bound(first, last, as_of);
    if (at == first) return kNone;
    return customer_[static_cast<size_t>(at - since_.begin()) - 1];
  }

  // One key space for "distinct people": a linked visitor is its customer
  // (0 .. customer_count - 1), any other is customer_count + its own code.
  // Feed it to DistinctCount with person_key_count().
  int32_t person_key(int32_t visitor, int64_t as_of) const {
    int32_t customer = person(visitor, as_of);
    return customer != kNone ? customer
                             : static_cast<int32_t>(customer_count_) + visitor;
  }
  int64_t person_key_count() const { return customer_count_ + visitor_count(); }

  // The person key of every row at the as_of (end) of the row's period:
  // unique people of every period from one DistinctCount over
  // CodeSource(keys, person_key_count()). -1 for a row in no period or
  // without a visitor.
  std::vector<int32_t> person_keys(const CodeSource& visitors,
                                   std::span<const int32_t> period_of_row,
                                   const PeriodIndex& periods) const {
    if (static_cast<int64_t>(period_of_row.size()) != visitors.size())
      throw std::invalid_argument(
          "visitors and periods of the person keys differ in length");
    std::vector<int32_t> keys(period_of_row.size());
    for (size_t row = 0; row < keys.size(); ++row) {
      int32_t p = period_of_row[row];
      int32_t visitor = visitors[static_cast<int64_t>(row)];
      keys[row] =
          p == kNone || visitor < 0
              ? -1
              : person_key(visitor, periods[static_cast<size_t>(p)].end_us);
    }
    return keys;
  }

  // person() of every visitor at one as_of, for a period's pass over its
  // events (one lookup a visitor rather than one an event).
  std::vector<int32_t> persons_at(int64_t as_of) const {
    std::vector<int32_t> out(static_cast<size_t>(visitor_count()));
    for (size_t v = 0; v < out.size(); ++v)
      out[v] = offsets_[v] == offsets_[v + 1]
                   ? kNone
                   : person(static_cast<int32_t>(v), as_of);
    return out;
  }

 private:
  static std::runtime_error bad_row(int64_t row, const char* what) {
    return std::runtime_error("visitor_links row " + std::to_string(row) + " " +
                              what);
  }

  std::vector<int64_t> offsets_;  // visitor count + 1
  std::vector<int64_t> since_;
  std::vector<int32_t> customer_;
  int64_t customer_count_ = 0;
};

}  // namespace vigie::sdk::kernels
