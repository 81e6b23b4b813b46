// tests/support/smtp_sink.py run as a child process for one test: a real
// SMTP server on a free loopback port, storing what it accepts in a folder.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vigie::deliver::testing {

class SmtpSink {
 public:
  // Starts the sink with `options` (see smtp_sink.py), storing into
  // `dir`; returns once it listens. Fails the test (and throws) when it
  // does not start within 10 s.
  SmtpSink(const std::filesystem::path& dir,
           const std::vector<std::string>& options = {});
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& scheme = "smtp") const;
  // The summaries (<n>.json) of the messages received, in order.
  std::vector<nlohmann::json> messages() const;
  // The raw bytes of message n (1-based), as received after DATA.
  std::string raw(int n) const;

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A self-signed certificate for 127.0.0.1 and localhost, made with the
// openssl command in `dir`: {cert.pem, key.pem}.
struct Certificate {
  std::filesystem::path cert;
  std::filesystem::path key;
};
Certificate make_certificate(const std::filesystem::path& dir);

// A fresh folder under the system's temporary folder, removed by the
// caller (TempDir below).
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string read_bytes(const std::filesystem::path& file);
void write_bytes(const std::filesystem::path& file, const std::string& bytes);

}  // namespace vigie::deliver::testing
