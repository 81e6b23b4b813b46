#include "form_detection.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "field_text.hpp"

namespace vigie::queue_log {
namespace {

// More than any header or queue_log line; a file whose first 64 KiB hold
// no line end is judged on those bytes.
constexpr size_t kPeekBytes = 64u << 10;

std::string first_bytes(const std::filesystem::path& path) {
  errno = 0;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr)
    throw std::runtime_error("cannot open '" + path.string() + "': " +
                             (errno ? std::strerror(errno) : "out of memory"));
  std::string bytes(kPeekBytes, '\0');
  int got = gzread(file, bytes.data(), static_cast<unsigned>(bytes.size()));
  int code = Z_OK;
  std::string why = gzerror(file, &code);
  gzclose(file);
  // A gzip file cut short still gives its first lines: the reader that
  // follows reports where it ends.
  if (got < 0)
    throw std::runtime_error(path.string() + ": cannot read: " + why);
  bytes.resize(static_cast<size_t>(got));
  return bytes;
}

bool names_callid_and_event(std::string_view line) {
  bool callid = false, event = false;
  while (true) {
    size_t comma = line.find(',');
    std::string_view name = line.substr(0, comma);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    callid = callid || name == "callid";
    event = event || name == "event";
    if (comma == std::string_view::npos) break;
    line.remove_prefix(comma + 1);
  }
  return callid && event;
}

bool starts_with_epoch_and_bar(std::string_view line) {
  size_t bar = line.find('|');
  return bar != std::string_view::npos &&
         whole_number(line.substr(0, bar), INT64_MAX).has_value();
}

}  // namespace

std::string_view form_name(QueueLogForm form) {
  switch (form) {
    case QueueLogForm::kRaw:
      return "raw";
    case QueueLogForm::kExport:
      return "export";
  }
  return "?";
}

std::optional<QueueLogForm> detect_form(const std::filesystem::path& path,
                                        std::optional<QueueLogForm> expected) {
  const std::string bytes = first_bytes(path);
  std::string_view rest = bytes;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  int64_t line_number = 0;
  std::string_view line;
  while (!rest.empty()) {
    ++line_number;
    size_t end = rest.find('\n');
    line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!line.empty()) break;
  }
  if (line.empty()) return std::nullopt;

  const std::string where = path.string() + ":" + std::to_string(line_number);
  const bool raw = starts_with_epoch_and_bar(line);
  if (!raw && !names_callid_and_event(line))
    throw std::runtime_error(
        where +
        ": not a queue_log: expected a raw line "
        "epoch|callid|queue|agent|event|data... or the header of a database "
        "export uid,date_time,callid,queue_name,type,event,param1,..., got " +
        quoted(line));
  const QueueLogForm found = raw ? QueueLogForm::kRaw : QueueLogForm::kExport;
  if (expected && *expected != found)
    throw std::runtime_error(
        where + ": option format is '" + std::string(form_name(*expected)) +
        "' but this line is " +
        (found == QueueLogForm::kRaw ? "a raw queue_log line"
                                     : "the header of a database export") +
        ": " + quoted(line));
  return found;
}

}  // namespace vigie::queue_log
