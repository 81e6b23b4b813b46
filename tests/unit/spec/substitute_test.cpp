#include "spec/substitute.hpp"

#include <gtest/gtest.h>

#include <map>

namespace vigie::spec {
namespace {

Environment env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(Substitute, TextWithoutVariablesIsUnchanged) {
  auto s = substitute("price * 1.2 $ {x} $", env_of({}));
  EXPECT_EQ(s.value, "price * 1.2 $ {x} $");
  EXPECT_FALSE(s.used_environment);
  EXPECT_TRUE(s.missing.empty());
  EXPECT_FALSE(s.malformed);
}

TEST(Substitute, ReplacesEveryVariable) {
  auto s = substitute("${HOST}:${PORT}/${HOST}",
                      env_of({{"HOST", "db"}, {"PORT", "5432"}}));
  EXPECT_EQ(s.value, "db:5432/db");
  EXPECT_TRUE(s.used_environment);
}

TEST(Substitute, AnEmptyVariableIsSet) {
  auto s = substitute("a${EMPTY}b", env_of({{"EMPTY", ""}}));
  EXPECT_EQ(s.value, "ab");
  EXPECT_TRUE(s.missing.empty());
}

TEST(Substitute, NamesTheMissingVariables) {
  auto s = substitute("${A}-${B}-${A_2}", env_of({{"B", "b"}}));
  EXPECT_EQ(s.value, "-b-");
  EXPECT_EQ(s.missing, (std::vector<std::string>{"A", "A_2"}));
}

TEST(Substitute, ReportsMalformedReferences) {
  EXPECT_TRUE(substitute("${1X}", env_of({{"1X", "v"}})).malformed);
  EXPECT_TRUE(substitute("${}", env_of({})).malformed);
  EXPECT_TRUE(substitute("${OPEN", env_of({{"OPEN", "v"}})).malformed);
  EXPECT_TRUE(substitute("${A-B}", env_of({})).malformed);
  EXPECT_FALSE(substitute("${_a1}", env_of({{"_a1", "v"}})).malformed);
}

TEST(VariableName, LettersDigitsUnderscoreNotLeadingDigit) {
  EXPECT_TRUE(is_variable_name("VIGIE_LIST_KEY"));
  EXPECT_TRUE(is_variable_name("_x9"));
  EXPECT_FALSE(is_variable_name("9x"));
  EXPECT_FALSE(is_variable_name(""));
  EXPECT_FALSE(is_variable_name("A-B"));
}

}  // namespace
}  // namespace vigie::spec
