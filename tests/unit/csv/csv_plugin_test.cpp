// The `csv` connector loaded for real: the built plugin run through the
// engine's host (plugin_host::Connector), every batch checked against its
// schema and copied out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/load_plugin.hpp"
#include "support/run_connector.hpp"
#include "temp_dir.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using vigie::testing::TempDir;
using Cell = std::optional<std::string>;

// Column `name` of one batch as text, nullopt for a null.
std::vector<Cell> cells(const vigie::Table& batch, const std::string& name) {
  std::vector<Cell> out;
  const vigie::Column* column = batch.find(name);
  if (column == nullptr) {
    ADD_FAILURE() << "no column " << name;
    return out;
  }
  for (int64_t r = 0; r < batch.rows(); ++r)
    out.push_back(column->is_valid(r) ? Cell(std::string(column->string_at(r)))
                                      : std::nullopt);
  return out;
}

// The _line column of one batch: never null.
std::vector<int64_t> lines(const vigie::Table& batch) {
  const vigie::Column* column = batch.find("_line");
  if (column == nullptr || column->type != vigie::Type::Int64) {
    ADD_FAILURE() << "no int _line column";
    return {};
  }
  EXPECT_EQ(column->null_count(), 0);
  return column->ints;
}

// Everything a run of the connector produced, or the error it reported.
struct Outcome {
  // The failure's text after the host's "plugin 'csv' (source ..., <path>): ",
  // so that a file name found in it was written by the plugin; empty when
  // the run went through.
  std::string error;
  std::string origin;
  std::vector<std::string> schema;
  std::vector<vigie::Table> batches;

  int64_t rows() const {
    int64_t n = 0;
    for (const auto& b : batches) n += b.rows();
    return n;
  }
  // Column `name` of every batch, end to end.
  std::vector<Cell> column(const std::string& name) const {
    std::vector<Cell> out;
    for (const auto& b : batches) {
      auto part = cells(b, name);
      out.insert(out.end(), part.begin(), part.end());
    }
    return out;
  }
  std::vector<int64_t> lines() const {
    std::vector<int64_t> out;
    for (const auto& b : batches) {
      auto part = ::lines(b);
      out.insert(out.end(), part.begin(), part.end());
    }
    return out;
  }
};

// Creates the connector with `options`, opens it and reads every batch.
Outcome read_plugin(const std::map<std::string, std::string>& options) {
  vigie::testing::ConnectorRun run =
      vigie::testing::run_connector("csv", options);
  return Outcome{run.reason, run.origin, run.columns, std::move(run.batches)};
}

TEST(CsvPlugin, DescribesItself) {
  // The host's loader has checked the ABI; the descriptor as it reads it.
  auto library = vigie::testing::load_plugin("csv");
  const auto& info = library->info();
  EXPECT_EQ(info.abi_major, VIGIE_ABI_MAJOR);
  EXPECT_EQ(info.kind, VIGIE_KIND_CONNECTOR);
  EXPECT_STREQ(info.name, "csv");
  ASSERT_EQ(info.option_count, 3u);
  EXPECT_STREQ(info.options[0].key, "path");
  EXPECT_EQ(info.options[0].required, 1);
  EXPECT_STREQ(info.options[1].key, "delimiter");
  EXPECT_EQ(info.options[1].required, 0);
  EXPECT_STREQ(info.options[2].key, "batch_rows");
  EXPECT_STREQ(info.options[2].default_value, "65536");
}

TEST(CsvPlugin, StreamsStringsLinesAndRejects) {
  TempDir dir;
  auto file = dir.write("orders.csv",
                        "order_id,amount,note\n"
                        "A1,12.50,\"first, with comma\"\n"  // line 2
                        "A2,,\"two\nlines\"\n"              // lines 3-4
                        "A3,7\n"                            // line 5: short
                        "A4,1,x,extra\n"                    // line 6: long
                        "A5,3,\n");                         // line 7
  Outcome r = read_plugin({{"path", file.string()}});
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.origin, file.string());
  EXPECT_THAT(r.schema,
              ElementsAre("order_id", "amount", "note", "_line", "_reject"));
  ASSERT_EQ(r.rows(), 5);
  using S = std::optional<std::string>;
  const S null;
  EXPECT_THAT(r.column("order_id"), ElementsAre("A1", "A2", null, null, "A5"));
  EXPECT_THAT(r.column("amount"), ElementsAre("12.50", null, null, null, "3"));
  EXPECT_THAT(r.column("note"),
              ElementsAre("first, with comma", "two\nlines", null, null, null));
  EXPECT_THAT(r.lines(), ElementsAre(2, 3, 5, 6, 7));
  EXPECT_THAT(r.column("_reject"),
              ElementsAre(null, null, "expected 3 fields, found 2",
                          "expected 3 fields, found 4", null));
}

TEST(CsvPlugin, BatchRowsSplitsTheStream) {
  TempDir dir;
  auto file = dir.write("five.csv", "n\n1\n2\n3\n4\n5\n");
  Outcome r = read_plugin({{"path", file.string()}, {"batch_rows", "2"}});
  ASSERT_EQ(r.error, "");
  // 5 rows in batches of 2: 2, 2, 1.
  ASSERT_EQ(r.batches.size(), 3u);
  EXPECT_EQ(r.batches[2].rows(), 1);
  EXPECT_THAT(r.column("n"), ElementsAre("1", "2", "3", "4", "5"));
  EXPECT_THAT(r.lines(), ElementsAre(2, 3, 4, 5, 6));
}

TEST(CsvPlugin, DelimiterOption) {
  TempDir dir;
  // Two semicolons against one comma: detected as `;`.
  auto file = dir.write("semi.csv", "a;b,c;d\n1;2,3;4\n");
  Outcome detected = read_plugin({{"path", file.string()}});
  ASSERT_EQ(detected.error, "");
  EXPECT_THAT(detected.schema,
              ElementsAre("a", "b,c", "d", "_line", "_reject"));
  Outcome comma = read_plugin({{"path", file.string()}, {"delimiter", ","}});
  ASSERT_EQ(comma.error, "");
  EXPECT_THAT(comma.schema, ElementsAre("a;b", "c;d", "_line", "_reject"));
  auto tsv = dir.write("t.tsv", "a\tb\n1\t2\n");
  Outcome tab = read_plugin({{"path", tsv.string()}, {"delimiter", "tab"}});
  ASSERT_EQ(tab.error, "");
  EXPECT_THAT(tab.column("b"), ElementsAre("2"));
  Outcome bad = read_plugin({{"path", file.string()}, {"delimiter", "|"}});
  EXPECT_THAT(bad.error, HasSubstr("delimiter"));
}

TEST(CsvPlugin, HeaderOnlyFileGivesNoBatch) {
  TempDir dir;
  Outcome r = read_plugin({{"path", dir.write("head.csv", "a,b\n").string()}});
  ASSERT_EQ(r.error, "");
  EXPECT_THAT(r.schema, ElementsAre("a", "b", "_line", "_reject"));
  EXPECT_EQ(r.rows(), 0);
}

TEST(CsvPlugin, DuplicateHeaderNameIsAnError) {
  TempDir dir;
  auto file = dir.write("dup.csv", "id,name,id\n1,2,3\n");
  Outcome r = read_plugin({{"path", file.string()}});
  EXPECT_THAT(r.error, HasSubstr("dup.csv"));
  EXPECT_THAT(r.error, HasSubstr("'id' twice"));
  // A column named like a provenance column collides with it.
  Outcome line =
      read_plugin({{"path", dir.write("l.csv", "a,_line\n").string()}});
  EXPECT_THAT(line.error, HasSubstr("'_line' twice"));
}

TEST(CsvPlugin, EmptyHeaderNameIsAnError) {
  TempDir dir;
  auto file = dir.write("noname.csv", "id,,x\n1,2,3\n");
  Outcome r = read_plugin({{"path", file.string()}});
  EXPECT_THAT(r.error, HasSubstr("noname.csv"));
  EXPECT_THAT(r.error, HasSubstr("column 2"));
  Outcome empty = read_plugin({{"path", dir.write("empty.csv", "").string()}});
  EXPECT_THAT(empty.error, HasSubstr("no header"));
}

// A UTF-16 export read as bytes: every other byte of the header is NUL.
TEST(CsvPlugin, NulInTheHeaderSaysTheFileIsNotUtf8) {
  TempDir dir;
  using namespace std::string_literals;
  auto file = dir.write("utf16.csv", "i\0d\0,\0n\0\n\0"s);
  Outcome r = read_plugin({{"path", file.string()}});
  EXPECT_THAT(r.error, HasSubstr("utf16.csv: column 1 of the header holds a "
                                 "NUL byte: the file is not UTF-8 text"));
}

// A NUL inside a field is passed on as it is: the engine rejects the row
// when its mapping reads the column (ingest_test covers that side).
TEST(CsvPlugin, NulInAFieldIsPassedOn) {
  TempDir dir;
  using namespace std::string_literals;
  auto file = dir.write("nul.csv", "a,b\n1,x\0y\n"s);
  Outcome r = read_plugin({{"path", file.string()}});
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.rows(), 1);
  EXPECT_EQ(r.column("b")[0], "x\0y"s);
}

TEST(CsvPlugin, OptionErrors) {
  EXPECT_THAT(read_plugin({}).error, HasSubstr("path"));
  EXPECT_THAT(read_plugin({{"path", "/nonexistent/x.csv"}}).error,
              HasSubstr("/nonexistent/x.csv"));
  EXPECT_THAT(read_plugin({{"path", "x.csv"}, {"batch_rows", "0"}}).error,
              HasSubstr("batch_rows"));
}

TEST(CsvPlugin, UnterminatedQuoteFailsTheStream) {
  TempDir dir;
  auto file = dir.write("bad.csv", "a,b\n1,\"open\n");
  Outcome r = read_plugin({{"path", file.string()}});
  EXPECT_THAT(r.error, HasSubstr("bad.csv"));
  EXPECT_THAT(r.error, HasSubstr("line 2"));
}

// ---- real files ---------------------------------------------------------

TEST(CsvPlugin, OnlineRetailFile) {
  const std::string file = std::string(VIGIE_SHARED_DIR) +
                           "/realdata/online_retail/online_retail.csv.gz";
  Outcome r = read_plugin({{"path", file}});
  ASSERT_EQ(r.error, "");
  EXPECT_THAT(r.schema,
              ElementsAre("InvoiceNo", "StockCode", "Description", "Quantity",
                          "InvoiceDate", "UnitPrice", "CustomerID", "Country",
                          "_line", "_reject"));
  // `zcat online_retail.csv.gz | wc -l` prints 541910: the header and
  // 541,909 records (the count of the data set's README); Python's csv
  // module reads the same 541,909 records, so no quoted field holds a line
  // break and every record is one line.
  EXPECT_EQ(r.rows(), 541909);
  // Batches of 65536: 541909 = 8 * 65536 + 17621, so 9 batches.
  EXPECT_EQ(r.batches.size(), 9u);
  // The first lines of the file (zcat | head -3):
  // 536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01
  // 08:26:00,2.55,17850.0,United Kingdom 536365,71053,WHITE METAL
  // LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
  const vigie::Table& first = r.batches.front();
  const std::vector<int64_t> first_lines = lines(first);
  ASSERT_EQ(first_lines.size(), 65536u);
  std::map<std::string, std::vector<Cell>> first_cells;
  auto at = [&](const std::string& name, size_t row) {
    auto it = first_cells.find(name);
    if (it == first_cells.end())
      it = first_cells.emplace(name, cells(first, name)).first;
    return it->second.at(row);
  };
  EXPECT_EQ(at("InvoiceNo", 0), "536365");
  EXPECT_EQ(at("StockCode", 0), "85123A");
  EXPECT_EQ(at("Description", 0), "WHITE HANGING HEART T-LIGHT HOLDER");
  EXPECT_EQ(at("Quantity", 0), "6");
  EXPECT_EQ(at("InvoiceDate", 0), "2010-12-01 08:26:00");
  EXPECT_EQ(at("UnitPrice", 0), "2.55");
  EXPECT_EQ(at("CustomerID", 0), "17850.0");
  EXPECT_EQ(at("Country", 0), "United Kingdom");
  EXPECT_EQ(at("_reject", 0), std::nullopt);
  EXPECT_EQ(first_lines[0], 2);
  EXPECT_EQ(at("Description", 1), "WHITE METAL LANTERN");
  EXPECT_EQ(first_lines[1], 3);
  // Line 873 (zcat | grep -n 'RECORD FRAME') is
  // 536477,22041,"RECORD FRAME 7"" SINGLE SIZE ",48,... : record 871.
  EXPECT_EQ(first_lines[871], 873);
  EXPECT_EQ(at("Description", 871), "RECORD FRAME 7\" SINGLE SIZE ");
  // The first quoted field with a comma inside: line 111 (zcat | grep -n
  // -m1 'AIRLINE LOUNGE'), record 109.
  EXPECT_EQ(first_lines[109], 111);
  EXPECT_EQ(at("Description", 109), "AIRLINE LOUNGE,METAL SIGN");
  EXPECT_EQ(at("Quantity", 109), "2");
}

TEST(CsvPlugin, OnlineRetailNullsAndRejects) {
  const std::string file = std::string(VIGIE_SHARED_DIR) +
                           "/realdata/online_retail/online_retail.csv.gz";
  Outcome r = read_plugin({{"path", file}});
  ASSERT_EQ(r.error, "");
  auto count_nulls = [&](const std::string& name) {
    int64_t n = 0;
    for (const auto& v : r.column(name)) n += !v.has_value();
    return n;
  };
  // The UCI description of the data set gives 406,829 non-empty CustomerID
  // and 540,455 non-empty Description of 541,909: 135,080 and 1,454 empty
  // (Python's csv module counts the same).
  EXPECT_EQ(count_nulls("CustomerID"), 135080);
  EXPECT_EQ(count_nulls("Description"), 1454);
  EXPECT_EQ(count_nulls("_reject"), 541909);  // no record is rejected
  EXPECT_EQ(count_nulls("InvoiceNo"), 0);
  // The last line of the file (zcat | tail -1) is line 541910.
  EXPECT_EQ(r.lines().back(), 541910);
  EXPECT_EQ(r.column("Country").back(), "France");
}

TEST(CsvPlugin, PhonenowCallsHeaderWithByteOrderMark) {
  const std::string file =
      std::string(VIGIE_SHARED_DIR) + "/realdata/callcenter/phonenow_calls.csv";
  Outcome r = read_plugin({{"path", file}});
  ASSERT_EQ(r.error, "");
  EXPECT_THAT(
      r.schema,
      ElementsAre("Call Id", "Agent", "Date", "Time", "Topic", "Answered (Y/N)",
                  "Resolved", "Speed of answer in seconds", "AvgTalkDuration",
                  "Satisfaction rating", "_line", "_reject"));
  // 5,000 calls (the data set's README; `wc -l` prints 5001 with the
  // header).
  EXPECT_EQ(r.rows(), 5000);
  // Line 7 (ID0006) is an unanswered call: empty speed, talk time, rating.
  EXPECT_EQ(r.column("Call Id")[5], "ID0006");
  EXPECT_EQ(r.column("Answered (Y/N)")[5], "N");
  EXPECT_EQ(r.column("Satisfaction rating")[5], std::nullopt);
  EXPECT_EQ(r.column("Satisfaction rating")[4], "3");
}

}  // namespace
