#include "deliver/mail_headers.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <regex>
#include <sstream>

namespace vigie::deliver {
namespace {

// The text of RFC 2047 B-encoded words, decoded (what a mail client shows).
std::string decode_words(const std::string& header) {
  static const std::regex word("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");
  std::string out;
  for (std::sregex_iterator it(header.begin(), header.end(), word), end;
       it != end; ++it) {
    const std::string b64 = (*it)[1];
    std::string bytes(b64.size(), '\0');
    const int n =
        EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                        reinterpret_cast<const unsigned char*>(b64.data()),
                        static_cast<int>(b64.size()));
    const size_t padding = b64.ends_with("==") ? 2 : b64.ends_with("=") ? 1 : 0;
    out += bytes.substr(0, static_cast<size_t>(n) - padding);
  }
  return out;
}

TEST(Rfc5322Date, IsUtcWithEnglishNames) {
  // 2026-12-02T13:46:30Z
  const auto when =
      std::chrono::system_clock::time_point(std::chrono::seconds(1796219190));
  EXPECT_EQ(rfc5322_date(when), "Wed, 02 Dec 2026 13:46:30 +0000");
}

TEST(EncodeHeaderText, LeavesAsciiAlone) {
  EXPECT_EQ(encode_header_text("Monthly report: October 2026"),
            "Monthly report: October 2026");
}

TEST(EncodeHeaderText, EncodesUtf8InWordsThatDecodeBack) {
  const std::string subject =
      "Relation client : tableau de bord mensuel — Île-de-France — "
      "octobre 2026, données définitives, écarts expliqués";
  const std::string encoded = encode_header_text(subject);
  EXPECT_TRUE(encoded.starts_with("=?UTF-8?B?")) << encoded;
  EXPECT_EQ(decode_words(encoded), subject);
  // Folded lines no longer than 78 with "Subject: " before the first.
  std::istringstream lines("Subject: " + encoded);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    if (line.ends_with('\r')) line.pop_back();
    EXPECT_LE(line.size(), 78u) << line;
    ++count;
  }
  EXPECT_GT(count, 1);
}

TEST(EncodeHeaderText, NeverCutsACharacter) {
  // 40 three-byte characters: a cut inside one would not decode.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\u20ac";
  const std::string encoded = encode_header_text(text);
  std::smatch m;
  std::string rest = encoded;
  static const std::regex word("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");
  while (std::regex_search(rest, m, word)) {
    const std::string one = m[0];
    const std::string decoded = decode_words(one);
    EXPECT_EQ(decoded.size() % 3, 0u) << one;
    rest = m.suffix();
  }
  EXPECT_EQ(decode_words(encoded), text);
}

TEST(EncodeHeaderText, RefusesLineBreaks) {
  EXPECT_THROW(encode_header_text("a\nBcc: x@y"), std::invalid_argument);
  EXPECT_THROW(encode_header_text("a\rb"), std::invalid_argument);
}

TEST(EncodeAddress, EncodesOrQuotesTheDisplayName) {
  EXPECT_EQ(encode_address("Vigie <reports@example.com>"),
            "Vigie <reports@example.com>");
  EXPECT_EQ(encode_address("dg@example.com"), "dg@example.com");
  EXPECT_EQ(encode_address("Doe, John <jd@example.com>"),
            "\"Doe, John\" <jd@example.com>");
  const std::string encoded =
      encode_address("Équipe Données <data@example.com>");
  EXPECT_TRUE(encoded.ends_with(" <data@example.com>")) << encoded;
  EXPECT_EQ(decode_words(encoded), "Équipe Données");
}

TEST(AddressOf, TakesTheAddressOutOfAMailbox) {
  EXPECT_EQ(address_of("Vigie <reports@example.com>"), "reports@example.com");
  EXPECT_EQ(address_of(" dg@example.com "), "dg@example.com");
  EXPECT_THROW(address_of("Vigie"), std::invalid_argument);
  EXPECT_THROW(address_of("Vigie <reports@example.com"), std::invalid_argument);
  EXPECT_THROW(address_of("a@b>\r\nRCPT TO:<c@d"), std::invalid_argument);
}

TEST(DomainOf, IsAfterTheLastAt) {
  EXPECT_EQ(domain_of("reports@example.com"), "example.com");
  EXPECT_EQ(domain_of("nobody"), "");
}

}  // namespace
}  // namespace vigie::deliver
