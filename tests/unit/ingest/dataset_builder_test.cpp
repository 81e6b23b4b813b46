#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/dataset_builder.hpp"

namespace vigie::ingest {
namespace {

using ::testing::HasSubstr;

// A source batch as a connector hands it: string columns and _line.
struct SourceBatch {
  std::shared_ptr<const Table> table;
  ArrowArray array{};
  ArrowSchema schema{};
  explicit SourceBatch(Table t)
      : table(std::make_shared<const Table>(std::move(t))) {
    export_table(table, &array, &schema);
  }
  ~SourceBatch() {
    array.release(&array);
    schema.release(&schema);
  }
  TableView view() const { return TableView(&schema, &array); }
};

Table orders_source(const std::vector<std::vector<std::string>>& rows) {
  Table t;
  for (const char* name :
       {"InvoiceNo", "InvoiceDate", "Quantity", "UnitPrice", "CustomerID"})
    t.add(name, Type::String);
  auto& line = t.add("_line", Type::Int64);
  int64_t n = 2;  // line 1 is the header
  for (const auto& r : rows) {
    for (size_t c = 0; c < r.size(); ++c) {
      if (r[c].empty())
        t.columns[c].push_null();
      else
        t.columns[c].push_string(r[c]);
    }
    line.push_int(n++);
  }
  return t;
}

const std::map<std::string, std::string> kMapping = {
    {"order_id", "InvoiceNo"},
    {"ordered_at", "InvoiceDate"},
    {"amount", "Quantity * UnitPrice"},
    {"quantity", "Quantity"},
    {"customer_id", "integer(CustomerID)"}};

TEST(DatasetBuilder, MapsTypesAndRejectsWithLines) {
  Identity identity;
  table::TimestampParser ts("UTC");
  DatasetBuilder b(*table::find_dataset("orders"), identity, ts);
  SourceBatch batch(orders_source({
      {"536365", "2010-12-01 08:26:00", "6", "2.55", "17850.0"},
      {"C536379", "2010-12-01 09:41:00", "-1", "27.50", "14527.0"},
      {"536370", "2010-12-01 08:45:00", "x", "3.75", "12583.0"},  // bad qty
      {"536371", "not a date", "1", "1", ""},                     // bad date
      {"536372", "2010-12-01 09:00:00", "2", "1.10", ""},         // anonymous
  }));
  b.begin_source("shop", "online_retail.csv.gz", kMapping, batch.schema);
  RejectLog rejects;
  b.append(batch.view(), rejects);
  auto t = b.finish();

  ASSERT_EQ(t->rows(), 3);
  const Column& amount = *t->find("amount");
  EXPECT_EQ(amount.ints[0], 153000);   // 6 x 2.55 = 15.30 -> 15.3000 scaled
  EXPECT_EQ(amount.ints[1], -275000);  // -1 x 27.50
  EXPECT_EQ(amount.ints[2], 22000);    // 2 x 1.10 = 2.20
  const Column& customer = *t->find("customer_id");
  EXPECT_EQ(customer.string_at(0), "17850");
  EXPECT_FALSE(customer.is_valid(2));  // anonymous sale: empty id allowed
  EXPECT_EQ(customer.dictionary, identity.customers.pool());
  // 2010-12-01 08:26:00 UTC = 1291191960 s.
  EXPECT_EQ(t->find("ordered_at")->ints[0], 1291191960LL * 1000000);
  EXPECT_EQ(t->find("margin"), nullptr);  // not provided: absent

  ASSERT_EQ(rejects.rejects().size(), 2u);
  EXPECT_EQ(rejects.rejects()[0].line, 4);
  EXPECT_THAT(rejects.rejects()[0].reason,
              HasSubstr("column 'amount': expected a number, got 'x'"));
  EXPECT_EQ(rejects.rejects()[1].line, 5);
  EXPECT_THAT(rejects.rejects()[1].reason,
              HasSubstr("column 'ordered_at': expected a timestamp"));
  EXPECT_EQ(rejects.counts().at("shop").read, 5);
  EXPECT_EQ(rejects.counts().at("shop").rejected, 2);
}

TEST(DatasetBuilder, MissingRequiredColumnIsAMappingError) {
  Identity identity;
  table::TimestampParser ts("UTC");
  DatasetBuilder b(*table::find_dataset("orders"), identity, ts);
  SourceBatch batch(orders_source({}));
  auto mapping = kMapping;
  mapping.erase("amount");
  try {
    b.begin_source("shop", "shop.csv", mapping, batch.schema);
    FAIL();
  } catch (const MappingError& e) {
    EXPECT_EQ(e.column(), "amount");
    EXPECT_THAT(e.what(), HasSubstr("dataset 'orders' needs column 'amount', "
                                    "which source 'shop' (shop.csv)"));
  }
}

TEST(DatasetBuilder, ConnectorRejectsAndRequiredValues) {
  Identity identity;
  table::TimestampParser ts("Europe/Paris");
  DatasetBuilder b(*table::find_dataset("customers"), identity, ts);
  Table t;
  for (const char* name :
       {"customer_id", "created_at", "consent_marketing", "_reject"})
    t.add(name, Type::String);
  auto& id = t.columns[0];
  auto& created = t.columns[1];
  auto& consent = t.columns[2];
  auto& reject = t.columns[3];
  id.push_string("A");
  created.push_string("2026-07-01T00:00:00");
  consent.push_string("YES");
  reject.push_null();
  id.push_null();
  created.push_string("2026-07-01");  // no id: rejected
  consent.push_null();
  reject.push_null();
  id.push_null();
  created.push_null();
  consent.push_null();
  reject.push_string("expected 4 fields, found 3");
  SourceBatch batch(std::move(t));
  b.begin_source("crm", "customers", {}, batch.schema);
  RejectLog rejects;
  b.append(batch.view(), rejects);
  auto out = b.finish();
  ASSERT_EQ(out->rows(), 1);
  EXPECT_EQ(out->find("consent_marketing")->bools[0], 1);
  // 2026-07-01 00:00 in Paris (UTC+2) = 2026-06-30T22:00:00Z = 1782856800 s.
  EXPECT_EQ(out->find("created_at")->ints[0], 1782856800LL * 1000000);
  ASSERT_EQ(rejects.rejects().size(), 2u);
  EXPECT_THAT(rejects.rejects()[0].reason,
              HasSubstr("column 'customer_id': a value is required"));
  EXPECT_EQ(rejects.rejects()[1].reason, "expected 4 fields, found 3");
  EXPECT_EQ(rejects.rejects()[1].line, 3);  // no _line column: row number
}

}  // namespace
}  // namespace vigie::ingest
