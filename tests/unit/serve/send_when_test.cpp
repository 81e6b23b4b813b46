// send_when on hand-written kpis.json files: what makes a report worth an
// e-mail.
#include "serve/send_when.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace vigie::serve {
namespace {

namespace fs = std::filesystem;
using spec::SendWhen;

class SendWhenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie-send-when-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void kpis(const std::string& array) {
    std::ofstream(dir_ / "kpis.json")
        << R"({"schema": "vigie.kpis/1", "kpis": )" << array << "}";
  }
  fs::path dir_;
};

TEST_F(SendWhenTest, AlertNeedsAKpiInItsAlertBand) {
  kpis(R"([{"kind": "value", "value": 3, "status": "warning"},
           {"kind": "value", "value": null, "status": "none"}])");
  EXPECT_FALSE(worth_sending(SendWhen::Alert, dir_));
  EXPECT_TRUE(worth_sending(SendWhen::Always, dir_));
  kpis(R"([{"kind": "value", "value": 3, "status": "ok"},
           {"kind": "value", "value": 0, "status": "alert"}])");
  EXPECT_TRUE(worth_sending(SendWhen::Alert, dir_));
}

TEST_F(SendWhenTest, NotEmptyNeedsARowOrAValue) {
  kpis(R"([{"kind": "list", "rows": []}, {"kind": "value", "value": null}])");
  EXPECT_FALSE(worth_sending(SendWhen::NotEmpty, dir_));
  kpis(R"([{"kind": "list", "rows": [["k1", 30]]}])");
  EXPECT_TRUE(worth_sending(SendWhen::NotEmpty, dir_));
  kpis(R"([{"kind": "list", "rows": []}, {"kind": "value", "value": 0}])");
  EXPECT_TRUE(worth_sending(SendWhen::NotEmpty, dir_));  // 0 is a value
  kpis(R"([])");
  EXPECT_FALSE(worth_sending(SendWhen::NotEmpty, dir_));
}

TEST_F(SendWhenTest, AnUnreadableFileDoesNotHoldTheReportBack) {
  EXPECT_TRUE(worth_sending(SendWhen::Alert, dir_));  // no kpis.json
  std::ofstream(dir_ / "kpis.json") << "{not json";
  EXPECT_TRUE(worth_sending(SendWhen::NotEmpty, dir_));
}

}  // namespace
}  // namespace vigie::serve
