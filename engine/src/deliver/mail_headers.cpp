#include "deliver/mail_headers.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace vigie::deliver {
namespace {

bool is_printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f;
  });
}

void refuse_line_breaks(std::string_view text) {
  if (text.find_first_of("\r\n") != std::string_view::npos)
    throw std::invalid_argument("mail header value holds a line break: " +
                                std::string(text));
}

// The length of the UTF-8 character starting with byte `lead` (1 for a
// stray continuation byte, so that invalid text still advances).
size_t utf8_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

// RFC 5322 "specials": a display name holding one must be quoted.
bool needs_quotes(std::string_view name) {
  return name.find_first_of("()<>[]:;@\\,.\"") != std::string_view::npos;
}

}  // namespace

std::string rfc5322_date(std::chrono::system_clock::time_point when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&t, &utc);
  // Day and month names are English in RFC 5322 whatever the locale, so
  // they are spelled here rather than by strftime.
  static constexpr std::array<const char*, 7> kDays = {
      "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::array<char, 40> buffer{};
  const int n = std::snprintf(
      buffer.data(), buffer.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000",
      kDays[static_cast<size_t>(utc.tm_wday)], utc.tm_mday,
      kMonths[static_cast<size_t>(utc.tm_mon)], utc.tm_year + 1900, utc.tm_hour,
      utc.tm_min, utc.tm_sec);
  return std::string(buffer.data(), static_cast<size_t>(n));
}

std::string encode_header_text(std::string_view text) {
  refuse_line_breaks(text);
  if (is_printable_ascii(text)) return std::string(text);
  // 42 bytes make 56 base64 characters, 68 with "=?UTF-8?B?" and "?=":
  // each word fits a folded line of 78 with the header's name before it.
  constexpr size_t kChunk = 42;
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = at;
    while (end < text.size()) {
      const size_t next =
          end + utf8_length(static_cast<unsigned char>(text[end]));
      if (next - at > kChunk) break;
      end = std::min(next, text.size());
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string encode_address(std::string_view mailbox) {
  refuse_line_breaks(mailbox);
  const size_t open = mailbox.rfind('<');
  if (open == std::string_view::npos) return std::string(mailbox);
  std::string_view name = mailbox.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  const std::string address = "<" + address_of(mailbox) + ">";
  if (name.empty()) return address;
  if (!is_printable_ascii(name))
    return encode_header_text(name) + " " + address;
  if (needs_quotes(name) && !name.starts_with('"')) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" " + address;
  }
  return std::string(name) + " " + address;
}

std::string address_of(std::string_view mailbox) {
  std::string_view address = mailbox;
  const size_t open = mailbox.rfind('<');
  if (open != std::string_view::npos) {
    const size_t close = mailbox.find('>', open);
    if (close == std::string_view::npos)
      throw std::invalid_argument("mailbox without '>': " +
                                  std::string(mailbox));
    address = mailbox.substr(open + 1, close - open - 1);
  }
  while (!address.empty() && address.front() == ' ') address.remove_prefix(1);
  while (!address.empty() && address.back() == ' ') address.remove_suffix(1);
  if (address.empty() || address.find('@') == std::string_view::npos ||
      address.find_first_of(" <>\r\n") != std::string_view::npos)
    throw std::invalid_argument("not an e-mail address: " +
                                std::string(mailbox));
  return std::string(address);
}

std::string domain_of(std::string_view address) {
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos) return "";
  std::string_view domain = address.substr(at + 1);
  if (domain.ends_with('>')) domain.remove_suffix(1);
  return std::string(domain);
}

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace vigie::deliver
