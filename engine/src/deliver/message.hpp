// One report e-mail to one recipient, as send_mail() puts it on the wire:
// a multipart/mixed message holding a multipart/alternative of the text
// and HTML bodies, then each attachment in base64.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "deliver/mail_headers.hpp"

namespace vigie::deliver {

struct Attachment {
  std::filesystem::path file;  // read when the message is sent
  std::string name;            // the file name the recipient sees
  std::string content_type;    // "application/pdf", "text/csv"
};

struct Message {
  std::string from;  // "Vigie <reports@example.com>" or a bare address
  std::string to;    // one recipient, same forms
  std::string subject;
  std::string text;        // the plain-text alternative, UTF-8
  std::string html;        // the HTML alternative, UTF-8
  std::string message_id;  // "<...@domain>", see message_id() below
  std::vector<Attachment> attachments;
  // RFC 5322 ("Wed, 02 Dec 2026 13:46:30 +0000"); empty: when it is sent.
  std::string date = rfc5322_date(std::chrono::system_clock::now());
};

// The message's own header lines as they are sent: Subject, From, To,
// Date and Message-ID, non-ASCII text encoded (mail_headers.hpp); libcurl
// adds the MIME ones. Throws std::invalid_argument for a value holding a
// line break or an address that is none.
std::vector<std::string> header_lines(const Message& message);

// The size of `message` on the wire: the headers, the MIME structure, each
// body as quoted-printable and each attachment as base64 (4/3 of its bytes
// plus a CRLF every 76 characters), to compare with
// SmtpSettings::max_message_bytes before anything is sent: a report PDF of
// 8 MB is about 11 MB encoded. Reads the attachments' sizes, not their
// bytes; a missing attachment throws std::filesystem::filesystem_error.
std::uintmax_t encoded_size(const Message& message);

// "<32 hex digits@domain>": the first 128 bits of the SHA-256 of the three
// inputs, so that the message of a (report run, slot, recipient) always
// has the same id. A resend after a crash, when nobody knows whether the
// first attempt went through, is then the same message to the recipient's
// server and mail client, which may drop the duplicate.
std::string message_id(std::string_view report_id, std::string_view slot,
                       std::string_view recipient, std::string_view domain);

}  // namespace vigie::deliver
