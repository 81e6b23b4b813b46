#include "deliver/smtp_send.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <mutex>
#include <stdexcept>

#include "deliver/smtp_transcript.hpp"
#include "secrets/redactor.hpp"

namespace vigie::deliver {
namespace {

using Status = SmtpOutcome::Status;

// curl_global_init is not thread-safe and curl_easy_init would call it
// implicitly on first use: do it once, explicitly.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("curl_global_init failed");
  });
}

// The handles of one send, freed in the order libcurl asks: the easy
// handle first (closing the connection may still read the MIME tree and
// call the debug callback), then the MIME tree and the header list.
struct CurlHandles {
  CURL* easy = nullptr;
  curl_mime* mime = nullptr;
  curl_slist* headers = nullptr;
  curl_slist* recipients = nullptr;

  CurlHandles() : easy(curl_easy_init()) {
    if (easy == nullptr) throw std::runtime_error("curl_easy_init failed");
  }
  CurlHandles(const CurlHandles&) = delete;
  CurlHandles& operator=(const CurlHandles&) = delete;
  ~CurlHandles() {
    curl_easy_cleanup(easy);
    curl_mime_free(mime);
    curl_slist_free_all(headers);
    curl_slist_free_all(recipients);
  }
};

void check(CURLcode rc, const char* what) {
  if (rc != CURLE_OK)
    throw std::logic_error(
        fmt::format("curl: {} refused: {}", what, curl_easy_strerror(rc)));
}

curl_slist* append(curl_slist* list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list, line.c_str());
  if (grown == nullptr) throw std::bad_alloc();
  return grown;
}

// libcurl's quoted-printable encoder takes only CRLF as a line end and
// encodes a lone LF as "=0A": bodies are sent with CRLF line ends.
std::string with_crlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

void add_body(curl_mime* alternative, const std::string& text,
              const char* type) {
  curl_mimepart* part = curl_mime_addpart(alternative);
  if (part == nullptr) throw std::bad_alloc();
  const std::string crlf = with_crlf(text);  // curl_mime_data copies it
  check(curl_mime_data(part, crlf.data(), crlf.size()), "body");
  check(curl_mime_type(part, type), "body type");
  check(curl_mime_encoder(part, "quoted-printable"), "body encoder");
}

// multipart/mixed { multipart/alternative { text/plain, text/html },
// each attachment in base64 with its file name }.
curl_mime* build_mime(CURL* easy, const Message& message) {
  curl_mime* mixed = curl_mime_init(easy);
  curl_mime* alternative = curl_mime_init(easy);
  if (mixed == nullptr || alternative == nullptr) {
    curl_mime_free(mixed);
    curl_mime_free(alternative);
    throw std::bad_alloc();
  }
  try {
    add_body(alternative, message.text, "text/plain; charset=UTF-8");
    add_body(alternative, message.html, "text/html; charset=UTF-8");
  } catch (...) {
    curl_mime_free(alternative);
    curl_mime_free(mixed);
    throw;
  }
  curl_mimepart* part = curl_mime_addpart(mixed);
  // On success the part owns `alternative`.
  if (part == nullptr || curl_mime_subparts(part, alternative) != CURLE_OK) {
    curl_mime_free(alternative);
    curl_mime_free(mixed);
    throw std::bad_alloc();
  }
  try {
    check(curl_mime_type(part, "multipart/alternative"), "alternative type");
    for (const auto& a : message.attachments) {
      part = curl_mime_addpart(mixed);
      if (part == nullptr) throw std::bad_alloc();
      check(curl_mime_filedata(part, a.file.c_str()), "attachment file");
      check(curl_mime_filename(part, a.name.c_str()), "attachment name");
      check(curl_mime_type(part, a.content_type.c_str()), "attachment type");
      check(curl_mime_encoder(part, "base64"), "attachment encoder");
    }
  } catch (...) {
    curl_mime_free(mixed);
    throw;
  }
  return mixed;
}

int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  auto* transcript = static_cast<SmtpTranscript*>(user);
  switch (type) {
    case CURLINFO_HEADER_IN:
      transcript->server({data, size});
      break;
    case CURLINFO_HEADER_OUT:
      transcript->client({data, size});
      break;
    case CURLINFO_DATA_OUT:
      transcript->message_bytes(size);
      break;
    default:  // curl's own notes, TLS records, incoming data: not the dialogue
      break;
  }
  return 0;
}

// A failure that no 4xx/5xx reply explains: what libcurl's code means for
// a retry, and in words.
struct Failure {
  Status status;
  const char* meaning;
};

Failure classify(CURLcode rc, const SmtpSettings& settings) {
  switch (rc) {
    case CURLE_USE_SSL_FAILED:
      return {Status::Permanent,
              settings.starttls == SmtpSettings::StartTls::Required
                  ? "the server does not offer STARTTLS, which the settings "
                    "require: nothing was sent in clear"
                  : "TLS could not be set up"};
    case CURLE_PEER_FAILED_VERIFICATION:
      return {Status::Permanent,
              "the server's TLS certificate failed the check (wrong name, "
              "unknown authority: see ca_file)"};
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return {Status::Permanent, "the TLS settings cannot work"};
    case CURLE_LOGIN_DENIED:
    case CURLE_AUTH_ERROR:
      return {Status::Permanent, "authentication was refused"};
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
      return {Status::Permanent,
              "the server URL is not smtp://host:port or smtps://host:port"};
    case CURLE_READ_ERROR:
      return {Status::Permanent, "an attachment could not be read"};
    case CURLE_OPERATION_TIMEDOUT:
      return {Status::Transient, "the server did not answer in time"};
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
      return {Status::Transient, "no connection to the server"};
    default:
      return {Status::Transient, "the connection failed"};
  }
}

// Every text that leaves send_mail(): registered secrets redacted, and the
// credentials of these settings removed even if the caller forgot to
// register them (values too short to be looked for, see
// secrets::kMinimumLength, are hidden by the AUTH masking alone).
class Scrubber {
 public:
  explicit Scrubber(const SmtpSettings& s) {
    for (const std::string* v : {&s.password, &s.username})
      if (v->size() >= secrets::kMinimumLength) values_.push_back(*v);
  }
  std::string operator()(std::string_view text) const {
    std::string out = secrets::redact(text);
    for (const auto& v : values_)
      for (size_t at = out.find(v); at != std::string::npos;
           at = out.find(v, at + 3))
        out.replace(at, v.size(), "***");
    return out;
  }

 private:
  std::vector<std::string> values_;
};

SmtpOutcome refused_before_sending(std::string error) {
  SmtpOutcome out;
  out.status = Status::Permanent;
  out.error = std::move(error);
  return out;
}

}  // namespace

const char* to_string(SmtpOutcome::Status status) {
  switch (status) {
    case Status::Delivered:
      return "delivered";
    case Status::Transient:
      return "transient";
    case Status::Permanent:
      return "permanent";
  }
  return "?";
}

SmtpOutcome send_mail(const SmtpSettings& settings, const Message& message) {
  const Scrubber scrub(settings);
  // Checked before any byte is sent: the headers (a programming error
  // throws here), the attachments' presence and the size.
  const std::vector<std::string> header_list = header_lines(message);
  const std::string mail_from = "<" + address_of(settings.from) + ">";
  const std::string rcpt_to = "<" + address_of(message.to) + ">";
  std::uintmax_t size = 0;
  try {
    size = encoded_size(message);
  } catch (const std::filesystem::filesystem_error& e) {
    return refused_before_sending(
        scrub(fmt::format("an attachment cannot be read: {}", e.what())));
  }
  if (size > settings.max_message_bytes)
    return refused_before_sending(fmt::format(
        "the message is {} bytes once encoded, more than max_message_bytes "
        "({}): send the report as a link",
        size, settings.max_message_bytes));

  init_curl_once();
  // Declared before the handles, which may still call back into them
  // while they are freed.
  SmtpTranscript transcript;
  char error_buffer[CURL_ERROR_SIZE] = {};
  CurlHandles h;
  for (const auto& line : header_list) h.headers = append(h.headers, line);
  h.recipients = append(nullptr, rcpt_to);
  h.mime = build_mime(h.easy, message);

  CURL* c = h.easy;
  check(curl_easy_setopt(c, CURLOPT_URL, settings.url.c_str()), "URL");
  check(curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps"), "protocols");
  check(curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str()), "from");
  check(curl_easy_setopt(c, CURLOPT_MAIL_RCPT, h.recipients), "recipient");
  check(curl_easy_setopt(c, CURLOPT_HTTPHEADER, h.headers), "headers");
  check(curl_easy_setopt(c, CURLOPT_MIMEPOST, h.mime), "MIME");
  long use_ssl = CURLUSESSL_ALL;
  if (settings.starttls == SmtpSettings::StartTls::IfOffered)
    use_ssl = CURLUSESSL_TRY;
  if (settings.starttls == SmtpSettings::StartTls::Never)
    use_ssl = CURLUSESSL_NONE;
  check(curl_easy_setopt(c, CURLOPT_USE_SSL, use_ssl), "STARTTLS");
  if (!settings.ca_file.empty())
    check(curl_easy_setopt(c, CURLOPT_CAINFO, settings.ca_file.c_str()),
          "CA file");
  check(curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER,
                         settings.verify_peer ? 1L : 0L),
        "verify peer");
  check(curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST,
                         settings.verify_peer ? 2L : 0L),
        "verify host");
  if (!settings.username.empty() || !settings.password.empty()) {
    check(curl_easy_setopt(c, CURLOPT_USERNAME, settings.username.c_str()),
          "user name");
    check(curl_easy_setopt(c, CURLOPT_PASSWORD, settings.password.c_str()),
          "password");
  }
  const long timeout = static_cast<long>(settings.timeout.count());
  check(curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout), "timeout");
  check(curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout),
        "timeout");
  // A stalled upload (under 1 byte/s for `timeout`) ends the transfer.
  check(curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L), "low speed");
  check(curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, timeout), "low speed");
  // No signals: send_mail may run on any thread.
  check(curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L), "no signal");
  // QUIT and close at the end of the transfer, so that the whole dialogue
  // is in the transcript before curl_easy_perform returns.
  check(curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L), "forbid reuse");
  check(curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer), "errors");
  check(curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug), "debug");
  check(curl_easy_setopt(c, CURLOPT_DEBUGDATA, &transcript), "debug");
  check(curl_easy_setopt(c, CURLOPT_VERBOSE, 1L), "verbose");

  const CURLcode rc = curl_easy_perform(c);

  SmtpOutcome out;
  for (const auto& line : transcript.lines())
    out.transcript.push_back(scrub(line));
  const SmtpReply& reply = transcript.decisive_reply();
  const std::string curl_message =
      error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(rc);
  if (rc == CURLE_OK) {
    out.status = Status::Delivered;
    out.code = reply.code;
    out.reply = scrub(reply.text);
  } else if (reply.code >= 400 && reply.code < 600) {
    out.status = reply.code < 500 ? Status::Transient : Status::Permanent;
    out.code = reply.code;
    out.reply = scrub(reply.text);
    out.error = scrub(curl_message);
  } else {
    const Failure failure = classify(rc, settings);
    out.status = failure.status;
    out.error = scrub(fmt::format("{}: {}", failure.meaning, curl_message));
  }
  return out;
}

}  // namespace vigie::deliver
