// One customer id space: lookup tables read from a source, and the mapping
// functions that make keys comparable (e164, sha256). Expected values are
// written by hand: E.164 forms from the French and British numbering
// plans, the SHA-256 of "alice@example.com" from `printf %s ... | sha256sum`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/dataset_builder.hpp"
#include "ingest/lookup_table.hpp"
#include "source_batch.hpp"

namespace vigie::ingest {
namespace {

using ::testing::HasSubstr;

Table two_columns(
    const char* a, const char* b,
    const std::vector<std::pair<std::string, std::string>>& rows) {
  Table t;
  t.add(a, Type::String);
  t.add(b, Type::String);
  for (const auto& [x, y] : rows) {
    x.empty() ? t.columns[0].push_null() : t.columns[0].push_string(x);
    y.empty() ? t.columns[1].push_null() : t.columns[1].push_string(y);
  }
  return t;
}

// A row of one text column.
class One : public RowAccess {
 public:
  explicit One(std::string v) : v_(std::move(v)) {}
  Value column(size_t) const override {
    return v_.empty() ? Value::null() : Value::of_text(v_);
  }

 private:
  std::string v_;
};

std::string eval(const std::string& text, const std::string& value,
                 const Lookups* lookups = nullptr) {
  return Expression::parse(text, {"x"}, lookups).evaluate(One(value)).as_text();
}

TEST(E164, NumbersAsWrittenBecomeOneForm) {
  EXPECT_EQ(eval("e164(x, 'FR')", "06 12 34 56 78"), "+33612345678");
  EXPECT_EQ(eval("e164(x, 'FR')", "+33 6 12 34 56 78"), "+33612345678");
  EXPECT_EQ(eval("e164(x, 'FR')", "0033612345678"), "+33612345678");
  EXPECT_EQ(eval("e164(x, 'FR')", "01.42.68.53.00"), "+33142685300");
  EXPECT_EQ(eval("e164(x, 'GB')", "020 7946 0018"), "+442079460018");
  // A number with its country keeps it whatever the default.
  EXPECT_EQ(eval("e164(x, 'GB')", "+33 6 12 34 56 78"), "+33612345678");
  // What no network routes is no customer's number: null, not a reject.
  EXPECT_EQ(eval("e164(x, 'FR')", "101"), "");
  EXPECT_EQ(eval("e164(x, 'FR')", "anonymous"), "");
  EXPECT_EQ(eval("e164(x, 'FR')", ""), "");
}

TEST(E164, TheDefaultCountryIsAQuotedRegionCode) {
  EXPECT_THROW(Expression::parse("e164(x, 'XX')", {"x"}), ExpressionError);
  EXPECT_THROW(Expression::parse("e164(x, x)", {"x"}), ExpressionError);
  EXPECT_THROW(Expression::parse("e164(x)", {"x"}), ExpressionError);
}

TEST(Sha256, EMailHashesAsAnalyticsToolsWriteThem) {
  EXPECT_EQ(eval("sha256(lower(trim(x)))", " Alice@Example.com "),
            "ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976");
  EXPECT_EQ(eval("sha256(x)", ""), "");  // null stays null
}

TEST(LookupTable, KeysFindTheirValueAndAmbiguousKeysNothing) {
  SourceBatch batch(two_columns("phone", "customer_id",
                                {{"06 12 34 56 78", "C1"},
                                 {"+44 20 7946 0018", "C2"},
                                 {"0612345678", "C1"},  // same key, same value
                                 {"01 42 68 53 00", "C3"},
                                 {"01 42 68 53 00", "C4"},  // shared: ambiguous
                                 {"01 42 68 53 00", "C3"},
                                 {"", "C5"},        // no key
                                 {"101", "C6"}}));  // e164 gives null
  LookupTable table("e164(phone, 'FR')", "customer_id",
                    {"phone", "customer_id"});
  table.add(batch.view());
  ASSERT_NE(table.find("+33612345678"), nullptr);
  EXPECT_EQ(*table.find("+33612345678"), "C1");
  EXPECT_EQ(*table.find("+442079460018"), "C2");
  EXPECT_EQ(table.find("+33142685300"), nullptr);
  EXPECT_EQ(table.find("+33000000000"), nullptr);
  EXPECT_EQ(table.keys(), 3);
  EXPECT_EQ(table.ambiguous(), 1);
  EXPECT_EQ(table.skipped(), 2);
}

TEST(Lookup, AMappingConsultsATableAndCountsTheKeysItMisses) {
  SourceBatch phones(two_columns("phone", "id", {{"0612345678", "C1"}}));
  Lookups lookups;
  lookups.emplace("phones",
                  LookupTable("e164(phone, 'FR')", "id", {"phone", "id"}));
  lookups.at("phones").add(phones.view());

  const std::vector<std::string> columns = {"x"};
  Expression e =
      Expression::parse("lookup('phones', e164(x, 'FR'))", columns, &lookups);
  EXPECT_TRUE(e.consults_lookup());
  EXPECT_EQ(e.evaluate(One("+33 6 12 34 56 78")).as_text(), "C1");
  EXPECT_TRUE(e.evaluate(One("+33 6 99 99 99 99")).is_null());
  EXPECT_TRUE(e.evaluate(One("")).is_null());     // no key: not a miss
  EXPECT_TRUE(e.evaluate(One("101")).is_null());  // no number: not a miss
  EXPECT_EQ(e.unmatched(), 1);
  EXPECT_FALSE(Expression::parse("trim(x)", columns).consults_lookup());
}

TEST(Lookup, AnUnknownLookupIsASpecErrorNamingTheKnownOnes) {
  Lookups lookups;
  lookups.emplace("phones", LookupTable("a", "b", {"a", "b"}));
  try {
    Expression::parse("lookup('phone', x)", {"x"}, &lookups);
    FAIL();
  } catch (const ExpressionError& e) {
    EXPECT_THAT(e.what(), HasSubstr("unknown lookup 'phone'"));
    EXPECT_THAT(e.what(), HasSubstr("phones"));
  }
  EXPECT_THROW(Expression::parse("lookup('phones', x)", {"x"}),
               ExpressionError);
  EXPECT_THROW(Expression::parse("lookup(x, x)", {"x"}, &lookups),
               ExpressionError);
}

}  // namespace
}  // namespace vigie::ingest
