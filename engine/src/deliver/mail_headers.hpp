// How header values of a report e-mail are written: RFC 5322 dates,
// RFC 2047 encoded words for text that is not ASCII (a French subject),
// and the address inside "Display Name <address>".
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace vigie::deliver {

// "Wed, 02 Dec 2026 13:46:30 +0000": `when`, in UTC, to the second.
std::string rfc5322_date(std::chrono::system_clock::time_point when);

// `text` as a header value: unchanged when it is printable ASCII, else as
// RFC 2047 encoded words ("=?UTF-8?B?...?="), each cut on a character
// boundary and short enough for a line of 78 characters, the words
// separated by a folded line ("\r\n "). Throws std::invalid_argument when
// `text` holds a line break (a header injection is a programming error:
// the caller builds the values).
std::string encode_header_text(std::string_view text);

// "Name <address>" with the name encoded as above when it is not ASCII
// (and quoted when it holds characters RFC 5322 reserves); a bare address
// comes back as it is.
std::string encode_address(std::string_view mailbox);

// The address of "Name <address>" or of a bare "address", without the
// angle brackets; throws std::invalid_argument when there is none.
std::string address_of(std::string_view mailbox);

// The part of an address after its last '@' ("" when there is none).
std::string domain_of(std::string_view address);

// The base64 of `bytes`, on one line (OpenSSL's encoder).
std::string base64(std::string_view bytes);

}  // namespace vigie::deliver
