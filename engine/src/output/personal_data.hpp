// The personal-data rule of operational lists (DESIGN.md): a row leaves the
// engine only for a customer whose consent_marketing is true, and carries a
// pseudonymous key (keyed HMAC-SHA256 of the customer id) in place of the
// id, unless the spec asks for the raw id and says why. Applied once, right
// after computing, so that no output (PDF, JSON, CSV) can see more.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "vigie/sdk/column.hpp"

namespace vigie::output {

// Consent by customer id, read from the customers dataset (absent: no).
class ConsentLookup {
 public:
  explicit ConsentLookup(std::shared_ptr<const Table> customers);
  bool allows(std::string_view customer_id) const;

 private:
  std::shared_ptr<const Table> customers_;  // owns the viewed strings
  std::unordered_set<std::string_view> consenting_;
};

struct ListPolicy {
  bool raw_customer_id = false;
  std::string key;  // the HMAC key
};

struct ProtectedList {
  Table table;
  int64_t withheld = 0;  // rows dropped for lack of consent
};

// The list with only consenting customers; `customer_id` replaced by
// `customer_key` (or kept, under raw_customer_id); email never kept.
ProtectedList protect_list(const Table& list, const ConsentLookup& consent,
                           const ListPolicy& policy);

// Lower-case hex of HMAC-SHA256(key, text), first 16 bytes.
std::string pseudonym(const std::string& key, std::string_view text);

}  // namespace vigie::output
