// A state database of its own for each test: a SQLite file in a fresh
// temporary folder.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "history/state_store.hpp"

namespace vigie::history {

class StateDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("vigie-history-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    url_ = StateStore::default_url(dir_);
    store_ = StateStore::open(url_);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::string url_;
  std::unique_ptr<StateStore> store_;
};

}  // namespace vigie::history
