// Where and how report e-mails are sent: one SMTP server, the sender, the
// TLS and size rules. Built by the caller from the spec's delivery block
// and the environment.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace vigie::deliver {

struct SmtpSettings {
  // "smtp://host:port" (plain, then STARTTLS per `starttls`) or
  // "smtps://host:port" (TLS from the first byte; `starttls` is unused).
  std::string url;

  // Whether a smtp:// session must upgrade to TLS before anything else:
  // Required refuses to go on in clear (the delivery fails, Permanent,
  // see smtp_send.hpp), IfOffered upgrades when the server offers it and
  // otherwise sends in clear (credentials included), Never stays in clear.
  enum class StartTls { Required, IfOffered, Never };
  StartTls starttls = StartTls::Required;

  // From the environment, never from a spec file, and never printed. The
  // caller registers both with vigie::secrets::add() where it reads them
  // (secrets/redactor.hpp), so that every log line hides them;
  // send_mail() also masks the AUTH exchange and redacts everything it
  // returns. Empty: no AUTH.
  std::string username;
  std::string password;

  // The sender: "Vigie <reports@example.com>" or "reports@example.com".
  // Its address is the envelope's MAIL FROM (where bounces go); the caller
  // normally puts the same text in Message::from, the header shown.
  std::string from;

  // A PEM file of the certificate authorities to trust instead of the
  // system's (a company CA, a test certificate); empty: the system's.
  std::string ca_file;
  // Off only to try a server with a certificate nobody can check; a
  // failed check is a Permanent failure, not something to retry.
  bool verify_peer = true;

  // The longest wait for the connection, for each reply of the server and
  // for any stall of the upload; there is no cap on the whole transfer, so
  // that a large report on a slow but moving link still goes.
  std::chrono::seconds timeout{60};

  // The largest message, as encoded on the wire (encoded_size(), about
  // 4/3 of the attachments), send_mail() attempts: many servers refuse
  // more than 10 MB, and a refusal after an upload of many megabytes
  // costs minutes. A larger report is sent as a link instead.
  std::uintmax_t max_message_bytes = 10 * 1024 * 1024;
};

}  // namespace vigie::deliver
