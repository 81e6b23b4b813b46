#include "output/personal_data.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace vigie::output {

ConsentLookup::ConsentLookup(std::shared_ptr<const Table> customers)
    : customers_(std::move(customers)) {
  if (!customers_) return;
  const Column* id = customers_->find("customer_id");
  const Column* consent = customers_->find("consent_marketing");
  if (id == nullptr || consent == nullptr) return;
  for (int64_t r = 0; r < customers_->rows(); ++r)
    if (id->is_valid(r) && consent->is_valid(r) &&
        consent->bools[static_cast<size_t>(r)] != 0)
      consenting_.insert(id->string_at(r));
}

bool ConsentLookup::allows(std::string_view customer_id) const {
  return consenting_.contains(customer_id);
}

std::string pseudonym(const std::string& key, std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(text.data()), text.size(),
           digest, &length) == nullptr)
    throw std::runtime_error("HMAC-SHA256 failed");
  std::string out;
  for (unsigned int i = 0; i < 16 && i < length; ++i)
    out += fmt::format("{:02x}", digest[i]);
  return out;
}

ProtectedList protect_list(const Table& list, const ConsentLookup& consent,
                           const ListPolicy& policy) {
  ProtectedList out;
  const Column* id = list.find("customer_id");
  if (id == nullptr)
    throw std::runtime_error("an operational list has no customer_id column");
  std::vector<int64_t> kept;
  for (int64_t r = 0; r < list.rows(); ++r) {
    if (id->is_valid(r) && consent.allows(id->string_at(r)))
      kept.push_back(r);
    else
      ++out.withheld;
  }
  for (const Column& c : list.columns) {
    if (c.name == "email" || c.name == "consent_marketing") continue;
    if (&c == id) {
      Column& key =
          out.table.add(policy.raw_customer_id ? "customer_id" : "customer_key",
                        Type::String);
      for (int64_t r : kept)
        key.push_string(policy.raw_customer_id
                            ? std::string(id->string_at(r))
                            : pseudonym(policy.key, id->string_at(r)));
      continue;
    }
    Column& dst = out.table.add(c.name, c.type);
    dst.dictionary = c.dictionary;
    dst.unit = c.unit;
    for (int64_t r : kept) {
      const auto i = static_cast<size_t>(r);
      if (!c.is_valid(r)) {
        dst.push_null();
        continue;
      }
      switch (c.type) {
        case Type::Int64:
        case Type::Decimal:
        case Type::Timestamp:
          dst.push_int(c.ints[i]);
          break;
        case Type::Double:
          dst.push_double(c.doubles[i]);
          break;
        case Type::Bool:
          dst.push_bool(c.bools[i] != 0);
          break;
        case Type::String:
          dst.push_string(c.string_at(r));
          break;
        case Type::Dictionary:
          dst.push_code(c.codes[i]);
          break;
      }
    }
  }
  return out;
}

}  // namespace vigie::output
