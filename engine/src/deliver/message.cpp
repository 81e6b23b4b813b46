#include "deliver/message.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace vigie::deliver {
namespace {

// What libcurl's MIME writer adds around the parts (curl 7.88, lib/mime.c):
// a boundary is 24 dashes and 16 random hexadecimal digits; each part
// starts with "\r\n--boundary\r\n" (the first without the "\r\n") and
// its headers, and the last boundary ends in "--\r\n". These constants
// only serve the estimate: a few bytes off on a message of thousands do
// not matter, its bodies and attachments do.
constexpr std::uintmax_t kBoundary = 40;
constexpr std::uintmax_t kPartSeparator = 2 + 2 + kBoundary + 2;
constexpr std::uintmax_t kClosingBoundary = 2 + 2 + kBoundary + 2 + 2;
constexpr std::string_view kMixedHeader =
    "Content-Type: multipart/mixed; boundary=\r\n"
    "Mime-Version: 1.0\r\n\r\n";
constexpr std::string_view kAlternativeHeader =
    "Content-Type: multipart/alternative; boundary=\r\n\r\n";
constexpr std::string_view kBodyHeaders =
    "Content-Type: text/plain; charset=UTF-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
constexpr std::string_view kAttachmentHeaders =
    "Content-Disposition: attachment; filename=\"\"\r\n"
    "Content-Type: \r\n"
    "Content-Transfer-Encoding: base64\r\n\r\n";

// Base64 of `bytes` bytes: 4 characters for each 3 bytes started, in lines
// of 76 characters separated by CRLF.
std::uintmax_t base64_size(std::uintmax_t bytes) {
  const std::uintmax_t chars = 4 * ((bytes + 2) / 3);
  return chars == 0 ? 0 : chars + 2 * ((chars - 1) / 76);
}

// `text` once its line ends are CRLF (send_mail() sends it so) and it is
// quoted-printable: printable ASCII but '=' as is, every other byte as
// "=XX", a space or tab ending a line encoded too, lines cut at 76
// characters by a soft break "=\r\n".
std::uintmax_t quoted_printable_size(std::string_view text) {
  std::uintmax_t size = 0;
  std::uintmax_t column = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' ||
        (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      size += 2;
      column = 0;
      continue;
    }
    const bool line_ends =
        i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    std::uintmax_t width = 3;
    if ((c > 32 && c < 127 && c != '=') ||
        ((c == ' ' || c == '\t') && !line_ends))
      width = 1;
    if (column + width > 75) {
      size += 3;
      column = 0;
    }
    size += width;
    column += width;
  }
  return size;
}

}  // namespace

std::vector<std::string> header_lines(const Message& message) {
  return {
      "Subject: " + encode_header_text(message.subject),
      "From: " + encode_address(message.from),
      "To: " + encode_address(message.to),
      "Date: " + encode_header_text(
                     message.date.empty()
                         ? rfc5322_date(std::chrono::system_clock::now())
                         : message.date),
      "Message-ID: " + encode_header_text(message.message_id),
  };
}

std::uintmax_t encoded_size(const Message& message) {
  std::uintmax_t size = 0;
  for (const auto& line : header_lines(message)) size += line.size() + 2;
  size += kMixedHeader.size() + kBoundary;
  size += kPartSeparator + kAlternativeHeader.size() + kBoundary;
  for (const std::string* body : {&message.text, &message.html}) {
    size += kPartSeparator + kBodyHeaders.size();
    size += quoted_printable_size(*body);
  }
  size += kClosingBoundary;
  for (const auto& a : message.attachments) {
    size += kPartSeparator + kAttachmentHeaders.size() + a.name.size() +
            a.content_type.size();
    size += base64_size(std::filesystem::file_size(a.file));
  }
  return size + kClosingBoundary;
}

std::string message_id(std::string_view report_id, std::string_view slot,
                       std::string_view recipient, std::string_view domain) {
  if (domain.empty() ||
      domain.find_first_of("<>@ \r\n") != std::string_view::npos)
    throw std::invalid_argument("message id domain is not a domain: " +
                                std::string(domain));
  // Each input is prefixed with its length, so that no two different
  // triples hash the same text ("ab"+"c" and "a"+"bc").
  std::string input;
  for (std::string_view part : {report_id, slot, recipient}) {
    input += std::to_string(part.size());
    input += ':';
    input += part;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(input.data(), input.size(), digest.data(), &length,
                 EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "<";
  for (size_t i = 0; i < 16; ++i) {
    id += kHex[digest[i] >> 4];
    id += kHex[digest[i] & 0xf];
  }
  return id + "@" + std::string(domain) + ">";
}

}  // namespace vigie::deliver
