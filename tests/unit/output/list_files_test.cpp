// The files of a list: the CSV in each dialect, the dialect a report's
// locale and its spec choose, and the XLSX's promises that need no reader
// of the format (its cells are read back by
// tests/integration/test_list_files.py).
#include <gtest/gtest.h>

#include <filesystem>

#include "io/file_writer.hpp"
#include "output/exports.hpp"
#include "writer_test_support.hpp"

namespace vigie::output {
namespace {

namespace fs = std::filesystem;
using ListFiles = testing::WriterFolderTest;

// One row of each kind of cell, a text holding both separators, a null.
Table sample_list() {
  Table t;
  t.add("customer_key", Type::String).push_string("00123; \"VIP\", Paris");
  auto& amount = t.add("monetary", Type::Decimal);
  amount.ints = {12345000};  // 1234.5
  auto& share = t.add("share", Type::Double, "ratio");
  share.doubles = {0.25};
  auto& days = t.add("recency_days", Type::Int64);
  days.ints = {42};
  auto& at = t.add("last_purchase", Type::Timestamp);
  at.ints = {1792888200LL * kMicrosPerSecond};  // 2026-10-25T00:30:00Z
  auto& missing = t.add("call_at", Type::Timestamp);
  missing.ints = {0};
  missing.valid = {0};
  return t;
}

TEST_F(ListFiles, AnEnglishCsvIsRfc4180WithCommasAndDots) {
  const fs::path file = root_ / "en.csv";
  write_table_csv(file, sample_list(), "Europe/Paris");
  EXPECT_EQ(read(file),
            "customer_key,monetary,share,recency_days,last_purchase,call_at\r\n"
            "\"00123; \"\"VIP\"\", Paris\",1234.5,0.25,42,"
            "2026-10-25T02:30:00+02:00,\r\n");
}

TEST_F(ListFiles, AFrenchCsvHasABomSemicolonsAndDecimalCommas) {
  const fs::path file = root_ / "fr.csv";
  write_table_csv(file, sample_list(), "Europe/Paris", {';', ',', true});
  // The text holding ';' is quoted, its ',' needs nothing; only the
  // decimal columns take the decimal comma (the id keeps its zeros).
  EXPECT_EQ(read(file),
            "\xEF\xBB\xBF"
            "customer_key;monetary;share;recency_days;last_purchase;call_at\r\n"
            "\"00123; \"\"VIP\"\", Paris\";1234,5;0,25;42;"
            "2026-10-25T02:30:00+02:00;\r\n");
}

TEST_F(ListFiles, ATabSeparatedCsvQuotesTabsOnly) {
  Table t;
  t.add("a", Type::String).push_string("x\ty");
  t.add("b", Type::String).push_string("p;q,r");
  const fs::path file = root_ / "tab.csv";
  write_table_csv(file, t, "UTC", {'\t', '.', false});
  EXPECT_EQ(read(file), "a\tb\r\n\"x\ty\"\tp;q,r\r\n");
}

TEST(ListCsvDialect, FollowsTheLocaleUnlessTheSpecSaysOtherwise) {
  const table::CsvDialect french{';', ',', true};
  const table::CsvDialect english{',', '.', false};
  EXPECT_EQ(list_csv_dialect({}, "fr_FR"), french);
  EXPECT_EQ(list_csv_dialect({}, "fr"), french);
  EXPECT_EQ(list_csv_dialect({}, "en_GB"), english);
  EXPECT_EQ(list_csv_dialect({}, "en_US"), english);
  // One key given, the others from the locale.
  EXPECT_EQ(list_csv_dialect({.bom = false}, "fr_FR"),
            (table::CsvDialect{';', ',', false}));
  EXPECT_EQ(list_csv_dialect({.separator = '\t'}, "fr_FR"),
            (table::CsvDialect{'\t', ',', true}));
  EXPECT_EQ(list_csv_dialect({'\t', '.', true}, "en"),
            (table::CsvDialect{'\t', '.', true}));
}

TEST(ListCsvDialect, NeverSeparatesWithTheDecimalMark) {
  // A French report asked for commas between fields writes decimal dots;
  // an English one asked for decimal commas separates with ';'.
  EXPECT_EQ(list_csv_dialect({.separator = ','}, "fr_FR"),
            (table::CsvDialect{',', '.', true}));
  EXPECT_EQ(list_csv_dialect({.decimal = ','}, "en_GB"),
            (table::CsvDialect{';', ',', false}));
}

TEST_F(ListFiles, AnXlsxIsAZipWrittenTheSameEveryTimeForOneCreationTime) {
  const fs::path first = root_ / "a.xlsx";
  const fs::path second = root_ / "b.xlsx";
  write_table_xlsx(first, sample_list(), "Europe/Paris", "alert_1m",
                   1793509200);
  write_table_xlsx(second, sample_list(), "Europe/Paris", "alert_1m",
                   1793509200);
  const std::string bytes = read(first);
  EXPECT_EQ(bytes.substr(0, 4), "PK\x03\x04");
  EXPECT_EQ(bytes, read(second));
  // The creation time is in the workbook's properties, to the second.
  write_table_xlsx(second, sample_list(), "Europe/Paris", "alert_1m",
                   1793509201);
  EXPECT_NE(bytes, read(second));
}

TEST_F(ListFiles, AnXlsxThatCannotBeWrittenNamesItsFile) {
  const fs::path file = root_ / "missing-folder" / "a.xlsx";
  try {
    write_table_xlsx(file, sample_list(), "UTC", "a", 0);
    FAIL() << "no error";
  } catch (const io::IoError& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos)
        << e.what();
  }
}

TEST_F(ListFiles, AListLongerThanAWorksheetIsRefusedBeforeAnythingIsWritten) {
  Table t;
  t.add("n", Type::Int64).ints.assign(1048576, 1);
  const fs::path file = root_ / "big.xlsx";
  try {
    write_table_xlsx(file, t, "UTC", "big", 0);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("more than a worksheet holds"),
              std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(fs::exists(file));
}

}  // namespace
}  // namespace vigie::output
