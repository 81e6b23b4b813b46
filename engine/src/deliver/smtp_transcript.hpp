// The SMTP dialogue of one send, as libcurl's debug callback hands it over:
// the server's reply lines and our commands, in order, with the AUTH
// exchange masked and the message itself reduced to its size. Also keeps
// the reply that decided the transaction: the last one before our QUIT
// (libcurl says QUIT after a refusal too, and its "221 Bye" says nothing of
// the delivery).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::deliver {

struct SmtpReply {
  int code = 0;      // 0: no complete reply was received
  std::string text;  // after the code; a multi-line reply's lines joined
                     // by "\n"
};

class SmtpTranscript {
 public:
  // Bytes the server sent: one or more CRLF-ended reply lines.
  void server(std::string_view bytes);
  // Bytes of a command we sent (libcurl's CURLINFO_HEADER_OUT).
  void client(std::string_view bytes);
  // `bytes` of the message went out after DATA (CURLINFO_DATA_OUT): only
  // counted, shown as one "C: [message: N bytes]" line.
  void message_bytes(std::size_t bytes);

  // "S: 250 OK", "C: MAIL FROM:<a@b>", ...; every AUTH command and the
  // client's lines of its exchange (LOGIN's user and password, PLAIN's
  // initial response) as "C: AUTH PLAIN ***" and "C: ***".
  const std::vector<std::string>& lines() const { return lines_; }
  // The last complete reply before QUIT.
  const SmtpReply& decisive_reply() const { return decisive_; }

 private:
  void server_line(std::string_view line);
  void client_line(std::string_view line);

  std::vector<std::string> lines_;
  std::string pending_in_;   // a reply line not yet ended by CRLF
  std::string pending_out_;  // a command not yet ended by CRLF
  SmtpReply building_;       // the lines of a multi-line reply so far
  SmtpReply decisive_;
  bool in_auth_ = false;  // between AUTH and the server's non-334 reply
  bool quit_sent_ = false;
  std::size_t message_line_ = 0;  // index of the "[message: ...]" line + 1
  std::size_t message_size_ = 0;
};

}  // namespace vigie::deliver
