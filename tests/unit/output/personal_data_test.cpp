#include <gtest/gtest.h>

#include "output/personal_data.hpp"

namespace vigie::output {
namespace {

TEST(Pseudonym, IsHmacSha256) {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
  // HMAC-SHA256 = 5bdcc146bf60754e6a042426089575c7 5a003f08...; the key
  // is the first 16 bytes in hex.
  EXPECT_EQ(pseudonym("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c7");
  EXPECT_NE(pseudonym("k1", "C1"), pseudonym("k2", "C1"));
}

std::shared_ptr<const Table> customers() {
  auto pool = std::make_shared<StringPool>();
  Table t;
  t.add("customer_id", Type::Dictionary);
  t.add("consent_marketing", Type::Bool);
  auto& id = t.columns[0];
  id.dictionary = pool;
  auto& consent = t.columns[1];
  for (auto [name, ok] : {std::pair{"C1", true}, {"C2", false}, {"C3", true}}) {
    id.push_code(pool->append(name));
    consent.push_bool(ok);
  }
  return std::make_shared<const Table>(std::move(t));
}

TEST(ProtectList, KeepsConsentingCustomersUnderAKey) {
  Table list;
  list.add("customer_id", Type::String);
  list.add("recency_days", Type::Double);
  list.add("email", Type::String);
  auto& id = list.columns[0];
  auto& recency = list.columns[1];
  auto& email = list.columns[2];
  for (auto [c, r] :
       {std::pair{"C1", 31.5}, {"C2", 40.0}, {"C9", 45.0}, {"C3", 59.0}}) {
    id.push_string(c);
    recency.push_double(r);
    email.push_string(std::string(c) + "@example.com");
  }
  ConsentLookup consent(customers());
  auto out = protect_list(list, consent, {false, "secret"});
  // C2 refused, C9 unknown to the CRM (absent consent means no).
  EXPECT_EQ(out.withheld, 2);
  ASSERT_EQ(out.table.rows(), 2);
  EXPECT_EQ(out.table.columns[0].name, "customer_key");
  EXPECT_EQ(out.table.columns[0].string_at(0), pseudonym("secret", "C1"));
  EXPECT_EQ(out.table.columns[0].string_at(1), pseudonym("secret", "C3"));
  EXPECT_EQ(out.table.find("recency_days")->doubles[1], 59.0);
  EXPECT_EQ(out.table.find("email"), nullptr);  // never exported

  auto raw = protect_list(list, consent, {true, ""});
  EXPECT_EQ(raw.table.columns[0].name, "customer_id");
  EXPECT_EQ(raw.table.columns[0].string_at(1), "C3");
}

TEST(ProtectList, NoCustomersDatasetMeansNoConsent) {
  Table list;
  list.add("customer_id", Type::String).push_string("C1");
  auto out = protect_list(list, ConsentLookup(nullptr), {false, "k"});
  EXPECT_EQ(out.table.rows(), 0);
  EXPECT_EQ(out.withheld, 1);
}

}  // namespace
}  // namespace vigie::output
