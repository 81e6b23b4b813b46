// The scheduler on a clock of its own (ManualClock): weeks of schedule
// pass in seconds, each slot is slept to exactly, run once by a real
// `vigie run` on the demo data, and recorded.
#include "serve/scheduler.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <thread>

#include "history/runs.hpp"
#include "schedule/manual_clock.hpp"
#include "table/date_tz.hpp"

namespace vigie::serve {
namespace {

using std::chrono::sys_seconds;
namespace fs = std::filesystem;

sys_seconds utc(const std::string& text) {
  std::istringstream in(text);
  sys_seconds t;
  in >> date::parse("%FT%TZ", t);
  return t;
}

// A ManualClock whose time moves on only once the runs started are done
// (`idle`), as they would be in the hours between two slots, and that ends
// the scheduler's service when asked to sleep past `end`: the test stops
// at a known time, not when a watcher thread happens to look.
class ClockUntil final : public schedule::Clock {
 public:
  ClockUntil(sys_seconds start, sys_seconds end, std::function<bool()> idle)
      : clock_(start), end_(end), idle_(std::move(idle)) {}
  void stop_with(Scheduler* scheduler) { scheduler_ = scheduler; }
  sys_seconds now() const override { return clock_.now(); }
  void sleep_until(sys_seconds t) override {
    for (int i = 0; i < 6000 && !idle_(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (t >= end_) {
      scheduler_->stop();
      return;
    }
    clock_.sleep_until(t);
  }
  void wake() override { clock_.wake(); }
  std::vector<sys_seconds> sleeps() const { return clock_.sleeps(); }

 private:
  schedule::ManualClock clock_;
  sys_seconds end_;
  std::function<bool()> idle_;
  Scheduler* scheduler_ = nullptr;
};

class SchedulerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = fs::temp_directory_path() /
            ("vigie-scheduler-data-" + std::to_string(std::random_device{}()));
    const std::string command = std::string(VIGIE_EXE) + " demo-data --out " +
                                data_.string() +
                                " --scale 0.05 > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
  }
  static void TearDownTestSuite() { fs::remove_all(data_); }

  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie-scheduler-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_ / "specs");
    setenv("VIGIE_DEMO_DATA", data_.c_str(), 1);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A one-KPI report on the demo CRM, run at `cron` in Paris.
  void write_spec(const std::string& cron) {
    std::ofstream(dir_ / "specs" / "watch.yaml")
        << "report: {id: watch, title: Watch}\n"
           "sources:\n"
           "  - {id: orders, connector: crm_sql, dataset: orders,\n"
           "     config: {url: "
           "\"sqlite3://db=${VIGIE_DEMO_DATA}/crm.sqlite\",\n"
           "              table: orders}}\n"
           "kpis: [{id: revenue, indicator: customer_base}]\n"
           "sections: [{title: S, blocks: [{tiles: [revenue]}]}]\n"
           "outputs: {svg: false, html: false}\n"
           "schedule: {cron: \""
        << cron << "\", time_zone: Europe/Paris, timeout: 5m}\n";
  }

  // Serves from `start` until the scheduler would sleep past `end`;
  // returns the times it slept to.
  std::vector<sys_seconds> serve(sys_seconds start, sys_seconds end) {
    ClockUntil clock(start, end, [this] {
      // No run claimed and not yet ended.
      for (const auto& run : runs())
        if (run.status == history::RunStatus::Running) return false;
      return true;
    });
    ServeOptions options;
    options.specs = dir_ / "specs";
    options.out = dir_ / "reports";
    options.program = VIGIE_EXE;
    options.plugin_paths = {};
    options.poll = std::chrono::hours(24);
    Scheduler scheduler(options, clock);
    clock.stop_with(&scheduler);
    EXPECT_EQ(scheduler.serve(), 0);
    return clock.sleeps();
  }

  std::vector<history::RunRecord> runs() {
    auto store = history::StateStore::open(
        history::StateStore::default_url(dir_ / "specs"));
    auto list = history::Runs(*store).list("watch", 100);
    std::reverse(list.begin(), list.end());  // oldest first
    return list;
  }

  static fs::path data_;
  fs::path dir_;
};

fs::path SchedulerTest::data_;

TEST_F(SchedulerTest, EachMonthlySlotIsSleptToAndRunOnce) {
  write_spec("0 7 1 * *");
  const auto sleeps =
      serve(utc("2026-10-31T23:00:00Z"), utc("2026-12-02T00:00:00Z"));
  // The clock was asked to wake at each slot, to the second: 07:00 in
  // Paris, winter time (UTC+1) on both days.
  for (const char* slot : {"2026-11-01T06:00:00Z", "2026-12-01T06:00:00Z"})
    EXPECT_NE(std::find(sleeps.begin(), sleeps.end(), utc(slot)), sleeps.end())
        << slot;
  const auto done = runs();
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].key.slot, "2026-11-01T06:00:00Z");
  EXPECT_EQ(done[0].period, "2026-10");
  EXPECT_EQ(done[1].key.slot, "2026-12-01T06:00:00Z");
  EXPECT_EQ(done[1].period, "2026-11");
  for (const auto& run : done) {
    EXPECT_EQ(run.status, history::RunStatus::Succeeded) << run.error;
    EXPECT_EQ(run.attempts, 1);
    EXPECT_TRUE(fs::exists(fs::path(run.report_dir) / "report.pdf"));
  }
}

TEST_F(SchedulerTest, TheSpringGapRunsOnceAtItsEnd) {
  // 02:30 in Paris does not exist on 2027-03-28: that slot runs at 03:00
  // summer time (01:00 UTC), the days around it at 02:30 local.
  write_spec("30 2 * * *");
  serve(utc("2027-03-26T12:00:00Z"), utc("2027-03-29T12:00:00Z"));
  std::vector<std::string> slots;
  for (const auto& run : runs()) slots.push_back(run.key.slot);
  EXPECT_EQ(slots, (std::vector<std::string>{"2027-03-27T01:30:00Z",
                                             "2027-03-28T01:00:00Z",
                                             "2027-03-29T00:30:00Z"}));
}

}  // namespace
}  // namespace vigie::serve
