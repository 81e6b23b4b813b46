// The layouts of CDR rows: cdr_csv's four, and cdr_custom orders.
#include "cdr_layout.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::HasSubstr;
using vigie::asterisk_cdr::cdr_csv_layout;
using vigie::asterisk_cdr::CdrField;
using vigie::asterisk_cdr::custom_layout;
using vigie::asterisk_cdr::LayoutChoice;

TEST(CdrLayout, CdrCsvWidths) {
  auto l16 = cdr_csv_layout(16);
  EXPECT_EQ(l16.index[static_cast<size_t>(CdrField::kAmaflags)], 15);
  EXPECT_FALSE(l16.has(CdrField::kUniqueid));
  auto l17 = cdr_csv_layout(17);
  EXPECT_EQ(l17.index[static_cast<size_t>(CdrField::kUniqueid)], 16);
  EXPECT_FALSE(l17.has(CdrField::kUserfield));
  auto l21 = cdr_csv_layout(21);
  EXPECT_EQ(l21.index[static_cast<size_t>(CdrField::kLinkedid)], 19);
  EXPECT_EQ(l21.index[static_cast<size_t>(CdrField::kSequence)], 20);
  EXPECT_THROW(cdr_csv_layout(19), std::invalid_argument);

  auto any = LayoutChoice::cdr_csv();
  EXPECT_EQ(any.for_width(18)->width, 18u);
  EXPECT_EQ(any.for_width(19), nullptr);
  EXPECT_EQ(any.expected(), "16, 17, 18 or 21 fields (cdr_csv)");
  auto forced = LayoutChoice::only(cdr_csv_layout(21));
  EXPECT_EQ(forced.for_width(18), nullptr);
  EXPECT_EQ(forced.expected(), "21 fields (cdr_csv (21 fields))");
}

TEST(CdrLayout, TheSampleCustomOrder) {
  // cdr_custom.conf.sample's order, the one of cdr_custom_19col_Master.csv.
  auto l =
      custom_layout({"clid", "src", "dst", "dcontext", "channel", "dstchannel",
                     "lastapp", "lastdata", "start", "answer", "end",
                     "duration", "billsec", "disposition", "amaflags",
                     "accountcode", "uniqueid", "userfield", "sequence"});
  EXPECT_EQ(l.width, 19u);
  EXPECT_EQ(l.index[static_cast<size_t>(CdrField::kClid)], 0);
  EXPECT_EQ(l.index[static_cast<size_t>(CdrField::kStart)], 8);
  EXPECT_EQ(l.index[static_cast<size_t>(CdrField::kUniqueid)], 16);
  EXPECT_FALSE(l.has(CdrField::kLinkedid));
  EXPECT_EQ(LayoutChoice::only(l).expected(),
            "19 fields (the order of option 'columns')");
}

TEST(CdrLayout, SkippedColumns) {
  auto l = custom_layout({"-", "linkedid", "start", "-", "answer", "end",
                          "billsec", "disposition"});
  EXPECT_EQ(l.width, 8u);
  EXPECT_EQ(l.index[static_cast<size_t>(CdrField::kLinkedid)], 1);
  EXPECT_EQ(l.index[static_cast<size_t>(CdrField::kDisposition)], 7);
}

std::string error_of(const std::vector<std::string>& names) {
  try {
    custom_layout(names);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(CdrLayout, CustomOrderErrors) {
  EXPECT_THAT(error_of({"uniqueid", "strat", "answer", "end", "billsec",
                        "disposition"}),
              HasSubstr("'strat' is no CDR field"));
  EXPECT_THAT(error_of({"uniqueid", "start", "start", "answer", "end",
                        "billsec", "disposition"}),
              HasSubstr("names 'start' twice"));
  EXPECT_THAT(error_of({"uniqueid", "start", "disposition"}),
              HasSubstr("lacks answer, end, billsec"));
  EXPECT_THAT(
      error_of({"src", "start", "answer", "end", "billsec", "disposition"}),
      HasSubstr("none of linkedid, uniqueid and channel"));
}

}  // namespace
