// Registered secrets are hidden wherever they sit in a text.
#include "secrets/redactor.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace vigie::secrets {
namespace {

class Redactor : public ::testing::Test {
 protected:
  void SetUp() override { clear_for_tests(); }
  void TearDown() override { clear_for_tests(); }
};

TEST_F(Redactor, HidesEveryOccurrenceWithItsName) {
  add("hunter22", "${CRM_PASSWORD}");
  EXPECT_EQ(redact("login hunter22 failed (hunter22hunter22)"),
            "login ${CRM_PASSWORD} failed "
            "(${CRM_PASSWORD}${CRM_PASSWORD})");
  EXPECT_EQ(redact("nothing here"), "nothing here");
}

TEST_F(Redactor, LongestSecretFirstAndOverlapsHiddenWhole) {
  add("abcd", "${A}");
  add("abcdefgh", "${B}");
  add("ghijkl", "${C}");
  // "abcdefgh" wins over its prefix "abcd"; it overlaps "ghijkl": the
  // two are hidden as one stretch, so no part of either shows.
  EXPECT_EQ(redact("x abcdefghijkl y"), "x *** y");
  EXPECT_EQ(redact("abcd abcdefgh"), "${A} ${B}");
}

TEST_F(Redactor, AReplacementIsNeverSearchedAgain) {
  // The name shown for one secret contains another secret.
  add("PASS_WORD_VALUE", "${SECRET_NAME}");
  add("SECRET", "${OTHER}");
  EXPECT_EQ(redact("PASS_WORD_VALUE"), "${SECRET_NAME}");
}

TEST_F(Redactor, ShortValuesAreNotLookedFor) {
  add("12", "${SERIES}");
  add("", "${EMPTY}");
  EXPECT_EQ(redact("page 12 of 120"), "page 12 of 120");
}

TEST_F(Redactor, CredentialsAreHiddenEvenUnregistered) {
  EXPECT_EQ(redact("cannot connect to postgresql://report:s3cr3t@db/crm"),
            "cannot connect to postgresql://report:***@db/crm");
}

TEST_F(Redactor, SafeFromManyThreads) {
  add("thread-secret", "***");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t] {
      for (int i = 0; i < 2000; ++i) {
        if (i % 100 == 0)
          add("value-" + std::to_string(t) + "-" + std::to_string(i));
        EXPECT_EQ(redact("a thread-secret b"), "a *** b");
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(redact("value-3-1900"), "***");
}

}  // namespace
}  // namespace vigie::secrets
