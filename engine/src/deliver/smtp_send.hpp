// Sends one message to one recipient in one SMTP transaction, and says
// exactly what the server answered. One recipient a transaction, so that
// one refusal touches no other recipient and each (run, recipient) is a
// unit of work of its own for the caller's outbox.
#pragma once

#include <string>
#include <vector>

#include "deliver/message.hpp"
#include "deliver/smtp_settings.hpp"

namespace vigie::deliver {

struct SmtpOutcome {
  // Delivered: the server took the message (2xx after the data).
  // Transient: worth trying again later: a 4xx reply (greylisting, a full
  //   queue, a temporary auth failure 454), no connection, a dropped
  //   connection or a time-out.
  // Permanent: trying again will fail the same way until someone changes
  //   something: a 5xx reply (unknown recipient 550, authentication refused
  //   535, message too large 552), a server certificate that fails the
  //   check, STARTTLS required but not offered by the server, a message
  //   above max_message_bytes, an attachment that cannot be read, a URL
  //   that is not smtp:// or smtps://.
  // A connection lost after the whole message was sent but before the
  // final reply is Transient although the message may have arrived: the
  // retry sends the same Message-ID (message_id()), by which the
  // recipient's side can recognise the duplicate.
  enum class Status { Delivered, Transient, Permanent };
  Status status = Status::Transient;
  // The reply that decided the outcome (the final 250, or the 4xx/5xx
  // refusal); 0 when the outcome was not a server's reply (no connection,
  // time-out, TLS, a check made before connecting).
  int code = 0;
  std::string reply;  // that reply's text, after its code
  // In order: the server's reply lines (greeting, EHLO, each MAIL, RCPT and
  // DATA reply, the final 250 or the refusal) as "S: ...", and our
  // commands as "C: ...", AUTH lines masked, the message itself shown as
  // "C: [message: N bytes]".
  std::vector<std::string> transcript;
  // Why it failed when no reply says it: libcurl's message, with what it
  // means here ("" when delivered).
  std::string error;
};

// Sends `message` to `message.to` through the server of `settings`. Never
// throws for what a server does or does not answer: every failure is in
// the outcome. Throws std::invalid_argument for a programming error (a
// header value holding a line break, an address that is none). Neither
// the password nor the user name appears in the outcome: the AUTH exchange
// is masked and every text goes through vigie::secrets::redact() and has
// both removed.
SmtpOutcome send_mail(const SmtpSettings& settings, const Message& message);

// "delivered", "transient", "permanent".
const char* to_string(SmtpOutcome::Status status);

}  // namespace vigie::deliver
