// What the writer tests share: a temporary folder and an output folder in
// it, a writer made of a lambda, and a period plan for products of a run.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <string>

#include "output/writer.hpp"

namespace vigie::output::testing {

namespace fs = std::filesystem;

inline const std::string kRunId = "20261201T024936.512Z-9c1f0e4b7a2d6c83";

class WriterFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("vigie-writer-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    out_ = root_ / "out";
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // Writes `text` to `p`, making the folders it lies in.
  static void write_text(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  // Every file under `dir`, relative, as generic strings.
  static std::set<std::string> files_under(const fs::path& dir) {
    std::set<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file())
        files.insert(fs::relative(e.path(), dir).generic_string());
    return files;
  }
  std::set<std::string> entries_of_root() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(root_))
      names.insert(e.path().filename().string());
    return names;
  }

  fs::path root_;
  fs::path out_;
};

// A period plan of one month, October 2026 in UTC.
inline compute::PeriodPlan one_month() {
  compute::PeriodPlan plan;
  compute::Period october;
  october.id = "2026-10";
  october.start_us = 1790812800LL * 1000000;  // 2026-10-01T00:00:00Z
  october.end_us = 1793491200LL * 1000000;    // 2026-11-01T00:00:00Z
  october.label = "octobre 2026";
  plan.periods = {october};
  plan.series = 1;
  return plan;
}

// A writer whose behaviour is a lambda.
class LambdaWriter final : public Writer {
 public:
  using Body = std::function<void(const RunProducts&, StagedFiles&)>;
  LambdaWriter(
      std::string name, std::string stage, Body body, bool own_thread = false,
      std::function<bool(const spec::Outputs&)> enabled =
          [](const spec::Outputs&) { return true; })
      : name_(std::move(name)),
        stage_(std::move(stage)),
        body_(std::move(body)),
        own_thread_(own_thread),
        enabled_(std::move(enabled)) {}

  std::string_view name() const override { return name_; }
  bool enabled(const spec::Outputs& outputs) const override {
    return enabled_(outputs);
  }
  std::string_view stage() const override { return stage_; }
  bool own_thread() const override { return own_thread_; }
  void write(const RunProducts& run, StagedFiles& out) const override {
    body_(run, out);
  }

 private:
  std::string name_;
  std::string stage_;
  Body body_;
  bool own_thread_;
  std::function<bool(const spec::Outputs&)> enabled_;
};

// A writer of one file with a fixed text.
inline std::unique_ptr<Writer> text_writer(std::string name, std::string stage,
                                           std::string file, std::string text) {
  return std::make_unique<LambdaWriter>(
      std::move(name), std::move(stage),
      [file, text](const RunProducts&, StagedFiles& out) {
        std::ofstream(out.file(file), std::ios::binary) << text;
      });
}

}  // namespace vigie::output::testing
