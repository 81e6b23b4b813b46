// The smallest useful connector: one column `greeting`, `count` rows.
#include <vigie/sdk.hpp>

namespace {

class HelloReader : public vigie::sdk::BatchReader {
 public:
  explicit HelloReader(int64_t count) : count_(count) {}
  std::vector<vigie::sdk::Field> schema() override {
    return {{"greeting", vigie::Type::String}};
  }
  std::optional<vigie::Table> next() override {
    if (done_) return std::nullopt;
    done_ = true;
    vigie::Table t;
    auto& greeting = t.add("greeting", vigie::Type::String);
    for (int64_t i = 0; i < count_; ++i) greeting.push_string("bonjour");
    return t;
  }

 private:
  int64_t count_;
  bool done_ = false;
};

class HelloConnector : public vigie::sdk::Connector {
 public:
  explicit HelloConnector(const vigie::sdk::Config& config)
      : count_(config.integer("count", 3)) {}
  std::unique_ptr<vigie::sdk::BatchReader> open() override {
    return std::make_unique<HelloReader>(count_);
  }
  std::string origin() const override { return "hello"; }

 private:
  int64_t count_;
};

constexpr vigie_option kOptions[] = {vigie::sdk::option(
    VIGIE_OPTION_INT, "count", "3", false, "how many greetings")};

}  // namespace

VIGIE_CONNECTOR_PLUGIN(HelloConnector, "hello", "0.1.0",
                       "Says hello (built out of tree)", kOptions)
