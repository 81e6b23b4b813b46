#include "secrets/redacting_sink.hpp"

#include <spdlog/details/log_msg.h>
#include <spdlog/sinks/base_sink.h>

#include <mutex>
#include <string>

#include "secrets/redactor.hpp"

namespace vigie::secrets {
namespace {

class RedactingSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit RedactingSink(std::shared_ptr<spdlog::sinks::sink> target)
      : target_(std::move(target)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const std::string text =
        redact(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(text.data(), text.size());
    target_->log(copy);
  }
  void flush_() override { target_->flush(); }
  void set_pattern_(const std::string& pattern) override {
    target_->set_pattern(pattern);
  }
  void set_formatter_(std::unique_ptr<spdlog::formatter> formatter) override {
    target_->set_formatter(std::move(formatter));
  }

 private:
  std::shared_ptr<spdlog::sinks::sink> target_;
};

}  // namespace

std::shared_ptr<spdlog::sinks::sink> redacting_sink(
    std::shared_ptr<spdlog::sinks::sink> target) {
  return std::make_shared<RedactingSink>(std::move(target));
}

}  // namespace vigie::secrets
