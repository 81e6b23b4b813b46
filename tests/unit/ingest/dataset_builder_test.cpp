#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/dataset_builder.hpp"
#include "source_batch.hpp"
#include "vigie/sdk/dictionary_builder.hpp"

#include <array>

namespace vigie::ingest {
namespace {

using ::testing::HasSubstr;

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

// Every text that enters is checked, whatever its kind: an id, a free
// text, a number. A bad one is a reject naming line and column, and the
// reason stays printable (valid UTF-8) even when it quotes the value.
TEST(DatasetBuilder, InvalidUtf8AndNulAreRejectsNamingTheColumn) {
  Identity identity;
  table::TimestampParser ts("UTC");
  DatasetBuilder b(*table::find_dataset("orders"), identity, ts);
  Table t;
  for (const char* name :
       {"order_id", "customer_id", "ordered_at", "amount", "category"})
    t.add(name, Type::String);
  auto& line = t.add("_line", Type::Int64);
  const std::vector<std::vector<std::string>> rows = {
      {"O1", "K1", "2026-10-01", "12.50", "Caf\xC3\xA9"},       // fine
      {"O2", "K\xE9", "2026-10-01", "1", "x"},                  // Latin-1 id
      {"O3", "K3", "2026-10-01", "1", std::string("a\0b", 3)},  // NUL
      {"O4", "K4", "2026-10-01", "1\xFF", "x"},                 // in a number
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c)
      t.columns[c].push_string(rows[r][c]);
    line.push_int(static_cast<int64_t>(r) + 2);
  }
  SourceBatch batch(std::move(t));
  b.begin_source("shop", "orders.csv", {}, batch.schema);
  RejectLog rejects;
  b.append(batch.view(), rejects);
  auto out = b.finish();

  ASSERT_EQ(out->rows(), 1);
  EXPECT_EQ(out->find("category")->string_at(0), "Caf\xC3\xA9");
  // K1, and K3 and K4 (interned before a later column of their row was
  // found bad); never the Latin-1 id.
  EXPECT_EQ(identity.customers.size(), 3);
  ASSERT_EQ(rejects.rejects().size(), 3u);
  EXPECT_EQ(rejects.rejects()[0].line, 3);
  EXPECT_EQ(rejects.rejects()[0].reason,
            "column 'customer_id': the value is not valid UTF-8 (byte 0xE9 "
            "at position 2)");
  EXPECT_EQ(rejects.rejects()[1].line, 4);
  EXPECT_EQ(rejects.rejects()[1].reason,
            "column 'category': the value holds a NUL character at position "
            "2");
  EXPECT_EQ(rejects.rejects()[2].line, 5);
  EXPECT_THAT(rejects.rejects()[2].reason, HasSubstr("column 'amount'"));
}

// A value that does not fit an exact decimal, as text or through an
// expression, is a reject of its line and column, never a wrapped number.
TEST(DatasetBuilder, ValuesPastTheDecimalRangeAreRejects) {
  Identity identity;
  table::TimestampParser ts("UTC");
  DatasetBuilder b(*table::find_dataset("orders"), identity, ts);
  SourceBatch batch(orders_source({
      {"1", "2010-12-01 08:26:00", "1", "922337203685477.5807", "1"},  // max
      {"2", "2010-12-01 08:26:00", "1", "922337203685477.5808", "1"},
      {"3", "2010-12-01 08:26:00", "2", "922337203685477", "1"},  // 2 x max
  }));
  auto mapping = kMapping;
  b.begin_source("shop", "shop.csv", mapping, batch.schema);
  RejectLog rejects;
  b.append(batch.view(), rejects);
  auto out = b.finish();
  ASSERT_EQ(out->rows(), 1);
  EXPECT_EQ(out->find("amount")->ints[0], INT64_MAX);
  ASSERT_EQ(rejects.rejects().size(), 2u);
  EXPECT_EQ(rejects.rejects()[0].line, 3);
  EXPECT_THAT(rejects.rejects()[0].reason, HasSubstr("column 'amount'"));
  EXPECT_EQ(rejects.rejects()[1].line, 4);
  EXPECT_THAT(rejects.rejects()[1].reason,
              HasSubstr("column 'amount': number too large"));
}

// marketing_spend.month is typed at ingest (a calendar month, int64
// year * 12 + month - 1): a bad month is a counted reject naming its line
// and column, not a failure of the indicator that reads it.
TEST(DatasetBuilder, MonthsAreTypedAndABadMonthIsARejectOfItsLine) {
  Identity identity;
  table::TimestampParser ts("UTC");
  DatasetBuilder b(*table::find_dataset("marketing_spend"), identity, ts);
  Table source;
  for (const char* name : {"month", "channel", "spend"})
    source.add(name, Type::String);
  auto& line = source.add("_line", Type::Int64);
  const std::vector<std::array<const char*, 3>> rows = {
      {"2026-10", "search", "100.50"},
      {"2026-11-01", "search", "20"},  // a DATE column's first day
      {"2026-13", "social", "5"},      // no 13th month
      {"2026-10-15", "social", "5"},   // a date, not a month
      {"Oct 2026", "social", "5"}};
  int64_t n = 2;
  for (const auto& r : rows) {
    for (size_t c = 0; c < r.size(); ++c) source.columns[c].push_string(r[c]);
    line.push_int(n++);
  }
  SourceBatch batch(std::move(source));
  b.begin_source(
      "spend", "spend.csv",
      {{"month", "month"}, {"channel", "channel"}, {"spend", "spend"}},
      batch.schema);
  RejectLog rejects;
  b.append(batch.view(), rejects);
  auto out = b.finish();

  ASSERT_EQ(out->rows(), 2);
  const Column& month = *out->find("month");
  EXPECT_EQ(month.type, Type::Int64);
  EXPECT_EQ(month.ints[0], 2026 * 12 + 9);
  EXPECT_EQ(month.ints[1], 2026 * 12 + 10);
  ASSERT_EQ(rejects.rejects().size(), 3u);
  const char* bad[] = {"2026-13", "2026-10-15", "Oct 2026"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(rejects.rejects()[i].line, static_cast<int64_t>(i) + 4);
    EXPECT_EQ(rejects.rejects()[i].origin, "spend.csv");
    EXPECT_EQ(rejects.rejects()[i].reason,
              std::string("column 'month': expected a month like 2026-10 (or "
                          "its first day, 2026-10-01), got '") +
                  bad[i] + "'");
  }
  EXPECT_EQ(rejects.counts().at("spend").read, 5);
  EXPECT_EQ(rejects.counts().at("spend").rejected, 3);
}

TEST(RejectLog, ReasonsAndOriginsAreKeptPrintable) {
  RejectLog log;
  log.add({"web", "caf\xE9.csv", 7, "expected a number, got '1\xFF'"});
  EXPECT_EQ(log.rejects()[0].reason, "expected a number, got '1\xEF\xBF\xBD'");
  EXPECT_EQ(log.rejects()[0].origin, "caf\xEF\xBF\xBD.csv");
}

}  // namespace
}  // namespace vigie::ingest

namespace vigie::ingest {
namespace {

// The same values dictionary-encoded, as the file connectors send them
// (DictionaryBuilder); `_line` and `_reject` stay as they are.
Table dictionary_encoded(const Table& plain) {
  Table out;
  for (const Column& c : plain.columns) {
    if (c.type != Type::String || c.name.starts_with("_")) {
      out.columns.push_back(c);
      continue;
    }
    DictionaryBuilder builder;
    builder.begin(out.add(c.name, Type::Dictionary));
    for (int64_t i = 0; i < c.size(); ++i)
      c.is_valid(i) ? builder.push(c.string_at(i)) : builder.push_null();
    builder.finish();
  }
  return out;
}

// A dictionary-encoded source gives the very dataset and rejects that the
// same values give as plain strings: its distinct values are typed once,
// each row still kept or rejected on its own, with its own line, by the
// first of its columns that does not fit.
TEST(DatasetBuilder, DictionaryEncodedSourcesGiveTheSameRowsAndRejects) {
  Table plain;
  for (const char* name : {"order_id", "customer_id", "ordered_at", "amount",
                           "category", "channel"})
    plain.add(name, Type::String);
  auto& line = plain.add("_line", Type::Int64);
  const std::vector<std::vector<std::string>> rows = {
      {"O1", "K1", "2026-10-01 10:00:00", "12.50", "energie", "web"},
      {"O2", "K2", "2026-10-01 11:00:00", "bad", "energie", ""},
      {"O3", "K1", "2026-10-01 12:00:00", "bad", "", "app"},
      {"O4", "", "2026-10-01 13:00:00", "3", "services", "web"},
      {"O5", "K3", "not a date", "bad", "energie", "web"},
      {"O6", "K\xE9", "2026-10-01 14:00:00", "1", "energie", "web"},
      {"O7", "K2", "2026-10-01 15:00:00", "7.25", "energie", "web"},
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c)
      rows[r][c].empty() ? plain.columns[c].push_null()
                         : plain.columns[c].push_string(rows[r][c]);
    line.push_int(static_cast<int64_t>(r) + 10);
  }

  auto build = [](const Table& source, Identity& identity, RejectLog& rejects) {
    table::TimestampParser ts("UTC");
    DatasetBuilder b(*table::find_dataset("orders"), identity, ts);
    SourceBatch batch{Table(source)};
    b.begin_source("shop", "orders.csv", {}, batch.schema);
    b.append(batch.view(), rejects);
    return b.finish();
  };
  Identity plain_ids, encoded_ids;
  RejectLog plain_rejects, encoded_rejects;
  auto from_plain = build(plain, plain_ids, plain_rejects);
  const Table encoded = dictionary_encoded(plain);
  ASSERT_EQ(encoded.find("customer_id")->type, Type::Dictionary);
  auto from_encoded = build(encoded, encoded_ids, encoded_rejects);

  ASSERT_EQ(from_plain->rows(), 3);  // O1, O4, O7
  ASSERT_EQ(from_encoded->rows(), from_plain->rows());
  for (const Column& c : from_plain->columns) {
    const Column& d = *from_encoded->find(c.name);
    for (int64_t i = 0; i < c.size(); ++i) {
      ASSERT_EQ(c.is_valid(i), d.is_valid(i)) << c.name << " row " << i;
      if (c.type == Type::Dictionary) {
        EXPECT_EQ(c.string_at(i), d.string_at(i)) << c.name;
      } else if (c.type != Type::Bool) {
        EXPECT_EQ(c.ints[static_cast<size_t>(i)],
                  d.ints[static_cast<size_t>(i)])
            << c.name;
      }
    }
  }
  EXPECT_FALSE(from_encoded->find("customer_id")->is_valid(1));  // O4
  EXPECT_EQ(from_encoded->find("amount")->ints[2], 72500);       // O7
  EXPECT_EQ(plain_ids.customers.size(), encoded_ids.customers.size());

  ASSERT_EQ(plain_rejects.rejects().size(), 4u);
  ASSERT_EQ(encoded_rejects.rejects().size(), 4u);
  const int64_t lines[] = {11, 12, 14, 15};
  for (size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(encoded_rejects.rejects()[r].line, lines[r]);
    EXPECT_EQ(encoded_rejects.rejects()[r].reason,
              plain_rejects.rejects()[r].reason);
  }
  // O5: the date is its first column that does not fit, not the amount.
  EXPECT_THAT(encoded_rejects.rejects()[2].reason,
              HasSubstr("column 'ordered_at'"));
  EXPECT_THAT(encoded_rejects.rejects()[3].reason,
              HasSubstr("column 'customer_id': the value is not valid UTF-8"));
}

}  // namespace
}  // namespace vigie::ingest
