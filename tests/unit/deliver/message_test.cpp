#include "deliver/message.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "smtp_sink_process.hpp"

namespace vigie::deliver {
namespace {

using testing::TempDir;
using testing::write_bytes;

TEST(MessageId, IsTheSameForTheSameInputs) {
  const std::string a = message_id("20261201T024936.512Z-9c1f0e4b7a2d6c83",
                                   "2026-10", "dg@example.com", "example.com");
  const std::string b = message_id("20261201T024936.512Z-9c1f0e4b7a2d6c83",
                                   "2026-10", "dg@example.com", "example.com");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(std::regex_match(a, std::regex("<[0-9a-f]{32}@example\\.com>")))
      << a;
}

TEST(MessageId, ChangesWithEachInput) {
  const std::string base = message_id("run", "slot", "to@x.test", "x.test");
  EXPECT_NE(base, message_id("run2", "slot", "to@x.test", "x.test"));
  EXPECT_NE(base, message_id("run", "slot2", "to@x.test", "x.test"));
  EXPECT_NE(base, message_id("run", "slot", "other@x.test", "x.test"));
  EXPECT_NE(base, message_id("run", "slot", "to@x.test", "y.test"));
}

TEST(MessageId, KeepsTheInputsApart) {
  // The same characters cut differently are different messages.
  EXPECT_NE(message_id("ab", "c", "d", "x.test"),
            message_id("a", "bc", "d", "x.test"));
}

TEST(MessageId, RefusesADomainThatIsNone) {
  EXPECT_THROW(message_id("r", "s", "t", ""), std::invalid_argument);
  EXPECT_THROW(message_id("r", "s", "t", "a@b"), std::invalid_argument);
  EXPECT_THROW(message_id("r", "s", "t", "x.test>\r\nBcc: y"),
               std::invalid_argument);
}

TEST(HeaderLines, AreTheMessagesOwnHeaders) {
  Message m;
  m.from = "Vigie <reports@example.com>";
  m.to = "dg@example.com";
  m.subject = "Monthly report";
  m.message_id = "<abc@example.com>";
  m.date = "Wed, 02 Dec 2026 13:46:30 +0000";
  EXPECT_EQ(header_lines(m),
            (std::vector<std::string>{
                "Subject: Monthly report", "From: Vigie <reports@example.com>",
                "To: dg@example.com", "Date: Wed, 02 Dec 2026 13:46:30 +0000",
                "Message-ID: <abc@example.com>"}));
}

TEST(HeaderLines, RefuseAnInjectedHeader) {
  Message m;
  m.from = "reports@example.com";
  m.to = "dg@example.com";
  m.subject = "Report\r\nBcc: everyone@example.com";
  EXPECT_THROW(header_lines(m), std::invalid_argument);
}

TEST(Message, DatesItselfNow) {
  const Message m;
  EXPECT_TRUE(std::regex_match(
      m.date, std::regex("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} "
                         "\\d\\d:\\d\\d:\\d\\d \\+0000")))
      << m.date;
}

TEST(EncodedSize, CountsAttachmentsAsBase64) {
  const TempDir dir("size");
  // 3 MB of attachment are 4 MB of base64, plus a CRLF each 76 characters.
  write_bytes(dir.path() / "big.pdf", std::string(3'000'000, 'x'));
  Message m;
  m.from = "reports@example.com";
  m.to = "dg@example.com";
  m.subject = "Report";
  m.text = "Hello";
  m.html = "<p>Hello</p>";
  m.message_id = "<a@b.c>";
  const std::uintmax_t bare = encoded_size(m);
  EXPECT_GT(bare, 300u);
  EXPECT_LT(bare, 2000u);
  m.attachments.push_back(
      {dir.path() / "big.pdf", "big.pdf", "application/pdf"});
  const std::uintmax_t with = encoded_size(m);
  const std::uintmax_t base64 = 4'000'000 + 2 * (4'000'000 / 76);
  EXPECT_GE(with - bare, base64);
  EXPECT_LT(with - bare, base64 + 300);
}

TEST(EncodedSize, CountsEncodedBodies) {
  Message m;
  m.from = "reports@example.com";
  m.to = "dg@example.com";
  m.message_id = "<a@b.c>";
  const std::uintmax_t empty = encoded_size(m);
  // Every byte of "é" (2 bytes) is written "=XX" in quoted-printable.
  m.text = std::string(100, 'a');
  const std::uintmax_t ascii = encoded_size(m);
  m.text = std::string(100, 'a') + "\xc3\xa9";
  EXPECT_EQ(encoded_size(m) - ascii, 6u);
  // A long line gets soft breaks ("=\r\n").
  m.text = std::string(1000, 'a');
  EXPECT_GT(encoded_size(m) - empty, 1000u + 13 * 3 - 1);
}

TEST(EncodedSize, ThrowsForAMissingAttachment) {
  Message m;
  m.from = "reports@example.com";
  m.to = "dg@example.com";
  m.attachments.push_back(
      {"/nonexistent/report.pdf", "report.pdf", "application/pdf"});
  EXPECT_THROW(encoded_size(m), std::filesystem::filesystem_error);
}

}  // namespace
}  // namespace vigie::deliver
