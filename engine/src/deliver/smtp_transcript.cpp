#include "deliver/smtp_transcript.hpp"

#include <cctype>

namespace vigie::deliver {
namespace {

bool starts_with_word(std::string_view line, std::string_view word) {
  if (line.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(line[i])) != word[i])
      return false;
  return line.size() == word.size() || line[word.size()] == ' ';
}

// Calls `each` with every complete line of `pending` + `bytes` (CRLF or LF
// removed) and keeps the unfinished tail in `pending`.
template <typename F>
void split_lines(std::string& pending, std::string_view bytes, F each) {
  pending.append(bytes);
  size_t start = 0;
  for (size_t end = pending.find('\n'); end != std::string::npos;
       end = pending.find('\n', start)) {
    std::string_view line(pending.data() + start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    each(line);
    start = end + 1;
  }
  pending.erase(0, start);
}

}  // namespace

void SmtpTranscript::server(std::string_view bytes) {
  split_lines(pending_in_, bytes,
              [this](std::string_view line) { server_line(line); });
}

void SmtpTranscript::client(std::string_view bytes) {
  split_lines(pending_out_, bytes,
              [this](std::string_view line) { client_line(line); });
}

void SmtpTranscript::message_bytes(std::size_t bytes) {
  message_size_ += bytes;
  const std::string line =
      "C: [message: " + std::to_string(message_size_) + " bytes]";
  if (message_line_ == 0) {
    lines_.push_back(line);
    message_line_ = lines_.size();
  } else {
    lines_[message_line_ - 1] = line;
  }
}

void SmtpTranscript::server_line(std::string_view line) {
  lines_.push_back("S: " + std::string(line));
  // "250-first line", "250 last line": three digits, then '-' when more
  // lines of the same reply follow.
  const bool has_code = line.size() >= 3 &&
                        std::isdigit(static_cast<unsigned char>(line[0])) &&
                        std::isdigit(static_cast<unsigned char>(line[1])) &&
                        std::isdigit(static_cast<unsigned char>(line[2]));
  if (!has_code) return;
  const int code =
      (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  const bool more = line.size() > 3 && line[3] == '-';
  std::string_view text = line.size() > 4 ? line.substr(4) : "";
  if (!building_.text.empty()) building_.text += '\n';
  building_.text += text;
  building_.code = code;
  if (more) return;
  if (in_auth_ && code != 334) in_auth_ = false;
  if (!quit_sent_) decisive_ = building_;
  building_ = {};
}

void SmtpTranscript::client_line(std::string_view line) {
  if (starts_with_word(line, "AUTH")) {
    in_auth_ = true;
    // Keep "AUTH PLAIN" (which mechanism was used), hide what follows.
    const size_t mechanism_end = line.find(' ', 5);
    lines_.push_back("C: " + std::string(line.substr(0, mechanism_end)) +
                     (mechanism_end == std::string_view::npos ? "" : " ***"));
    return;
  }
  if (in_auth_) {
    lines_.push_back("C: ***");
    return;
  }
  if (starts_with_word(line, "QUIT")) quit_sent_ = true;
  lines_.push_back("C: " + std::string(line));
}

}  // namespace vigie::deliver
