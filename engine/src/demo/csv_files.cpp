// The web analytics and call-centre logs as canonical CSV (the column names
// of the data model, so that no mapping is needed). No value can contain a
// comma, a quote or a line break, so no field is quoted.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "demo/writers.hpp"

namespace vigie::demo {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Buffers the text and writes it in large pieces.
class CsvFile {
 public:
  explicit CsvFile(const std::filesystem::path& path)
      : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) throw std::runtime_error("cannot create " + path.string());
  }
  fmt::memory_buffer& buffer() { return buffer_; }
  void flush_if_full() {
    if (buffer_.size() > (1 << 20)) flush();
  }
  void close() {
    flush();
    if (std::fclose(file_.release()) != 0)
      throw std::runtime_error("cannot write " + path_.string());
  }

 private:
  void flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) !=
        buffer_.size())
      throw std::runtime_error("cannot write " + path_.string());
    buffer_.clear();
  }
  std::filesystem::path path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  fmt::memory_buffer buffer_;
};

constexpr std::array<std::string_view, 3> kEventTypes = {"page_view", "action",
                                                         "conversion"};

std::string_view queue_of(std::string_view reason) {
  if (reason == "billing_question" || reason == "update_payment" ||
      reason == "download_invoice")
    return "facturation";
  if (reason == "report_outage" || reason == "technical_support")
    return "technique";
  if (reason == "cancel_contract" || reason == "retention_offer")
    return "fidelisation";
  if (reason == "product_info") return "commercial";
  return "service-client";
}

}  // namespace

void write_web_events_csv(const DemoWorld& world, const LocalClock& clock,
                          const std::filesystem::path& path) {
  CsvFile csv(path);
  auto out = std::back_inserter(csv.buffer());
  fmt::format_to(
      out,
      "ts,visitor_id,customer_id,event_type,page,action,device,source,"
      "load_time_ms\n");
  for (const auto& e : world.web_events) {
    const Visitor& v = world.visitors[static_cast<size_t>(e.visitor)];
    fmt::format_to(
        out, "{},{},{},{},{},{},{},{},", clock.format(e.at),
        visitor_id(e.visitor),
        e.customer == kAnonymous ? std::string() : customer_id(e.customer),
        kEventTypes[static_cast<size_t>(e.type)],
        e.page >= 0 ? std::string_view(world.pages[static_cast<size_t>(e.page)])
                    : std::string_view(),
        e.action >= 0 ? kSelfCareActs[static_cast<size_t>(e.action)].action
                      : std::string_view(),
        kDevices[v.device], kSources[e.source]);
    if (e.load_time_ms > 0) fmt::format_to(out, "{}", e.load_time_ms);
    csv.buffer().push_back('\n');
    csv.flush_if_full();
  }
  csv.close();
}

void write_calls_csv(const DemoWorld& world, const LocalClock& clock,
                     const std::filesystem::path& path) {
  CsvFile csv(path);
  auto out = std::back_inserter(csv.buffer());
  fmt::format_to(
      out,
      "call_id,started_at,customer_id,direction,queue,reason,outcome,"
      "wait_s,handle_s,csat\n");
  int64_t number = 0;
  for (const auto& c : world.calls) {
    std::string_view reason = kCallReasons[c.reason];
    fmt::format_to(
        out, "K{:07},{},{},{},{},{},{},{},{},", ++number, clock.format(c.at),
        c.customer == kAnonymous ? std::string() : customer_id(c.customer),
        c.inbound ? "inbound" : "outbound",
        c.inbound ? queue_of(reason) : std::string_view("sortant"), reason,
        c.answered ? "answered" : "abandoned", c.wait_s, c.handle_s);
    if (c.csat > 0) fmt::format_to(out, "{}", c.csat);
    csv.buffer().push_back('\n');
    csv.flush_if_full();
  }
  csv.close();
}

std::string customer_id(int32_t customer) {
  return fmt::format("C{:06}", customer + 1);
}
std::vector<std::string> customer_ids(const DemoWorld& world) {
  std::vector<std::string> ids;
  for (size_t c = 0; c < world.customers.size(); ++c)
    ids.push_back(customer_id(static_cast<int32_t>(c)));
  return ids;
}

std::string visitor_id(int32_t visitor) {
  return fmt::format("V{:07}", visitor + 1);
}

std::string cents_text(int64_t cents) {
  uint64_t magnitude = cents < 0 ? 0 - static_cast<uint64_t>(cents)
                                 : static_cast<uint64_t>(cents);
  return fmt::format("{}{}.{:02}", cents < 0 ? "-" : "", magnitude / 100,
                     magnitude % 100);
}

}  // namespace vigie::demo
