// Secrets (options declared secret, values from the environment) are
// listed by key and never quoted in a diagnostic, whatever the mistake.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vigie::spec {
namespace {

using testing::all;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::read;

const std::map<std::string, std::string> kSecretEnv = {
    {"DB_PASSWORD", "env-secret-1"}, {"PERIOD", "env-secret-2"},
    {"SERIES", "env-secret-3"},      {"CONNECTOR", "env-secret-4"},
    {"KPI", "env-secret-5"},         {"TOKEN", "env-secret-6"},
};

// Every value here is wrong in some way, and every one is a secret.
const char* const kLeaky = R"(report:
  id: r
  title: T
  period: ${PERIOD}
  series: ${SERIES}
sources:
  - id: a
    connector: crm_sql
    dataset: orders
    config:
      url: u
      table: t
      password: {literal: file-secret-1}
      pin: file-secret-2
  - id: b
    connector: ${CONNECTOR}
    dataset: orders
parameters:
  api_token: [file-secret-3]
kpis:
  - id: revenue
    indicator: customer_base
    parameters: {currency: EUR}
sections:
  - title: S
    blocks:
      - tiles:
          - ${KPI}
)";

TEST(Secrets, NeverInAMessage) {
  auto r = read(kLeaky, kSecretEnv);
  // period, series, password (a map), pin (not an integer), connector,
  // api_token (a list), the KPI reference: 7 mistakes. (${KPI} sits in a
  // block list: inside [...] its braces would be YAML flow syntax.)
  ASSERT_EQ(r.errors.size(), 7u) << all(r);
  for (const auto& d : r.errors) {
    std::string text = format_diagnostic(d);
    // Every secret value above contains "-secret-".
    EXPECT_THAT(text, Not(HasSubstr("-secret-"))) << text;
  }
  // Outside plugin options, a value from the environment is refused.
  for (std::size_t i : {0u, 1u, 4u, 6u})
    EXPECT_THAT(r.errors[i].message,
                HasSubstr("may only be used in a plugin option"))
        << format_diagnostic(r.errors[i]);
  EXPECT_EQ(r.errors[2].message, "expected a string, got a map");
  EXPECT_EQ(r.errors[3].message, "expected an integer, got a secret value");
  EXPECT_EQ(r.errors[5].message, "expected a string, got a list");
}

TEST(Secrets, OnlyPluginOptionsTakeTheEnvironment) {
  auto r = read(R"(report: {id: r, title: "${TOKEN}", time_zone: "${TOKEN}"}
sources:
  - id: a
    connector: crm_sql
    dataset: orders
    config: {url: "sqlite3://db=${TOKEN}", table: t}
    mapping: {amount: "${TOKEN}"}
parameters: {api_token: "${TOKEN}"}
kpis:
  - id: revenue
    indicator: customer_base
    label: "${TOKEN}"
    parameters: {currency: EUR}
sections:
  - title: "${TOKEN}"
    blocks:
      - note: "${TOKEN}"
)",
                kSecretEnv);
  std::vector<std::string> refused;
  for (const auto& d : r.errors) {
    EXPECT_THAT(d.message, HasSubstr("may only be used in a plugin option"));
    refused.push_back(d.where.path);
  }
  EXPECT_EQ(refused, (std::vector<std::string>{
                         "report.title", "report.time_zone",
                         "sources[0].mapping.amount", "kpis[0].label",
                         "sections[0].title", "sections[0].blocks[0].note"}))
      << all(r);
}

TEST(Secrets, AMissingVariableIsNamedNotValued) {
  auto r = read(R"(report: {id: r, title: "${TITLE_PART}-${DB_PASSWORD}"}
sources: []
kpis: []
sections: []
)",
                kSecretEnv);
  ASSERT_GE(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(r.errors[0].message,
            "environment variable 'TITLE_PART' is not set");
  for (const auto& d : r.errors)
    EXPECT_THAT(format_diagnostic(d), Not(HasSubstr("-secret-")));
}

TEST(Secrets, ListedByKey) {
  auto r = read(R"(report: {id: r, title: T}
sources:
  - id: a
    connector: crm_sql
    dataset: orders
    config:
      url: "postgresql://u:${DB_PASSWORD}@h/db"
      table: t
      password: plain-in-file
      headers: {Authorization: "${TOKEN}", Accept: json}
parameters:
  api_token: ${TOKEN}
  currency: EUR
kpis:
  - {id: revenue, indicator: customer_base}
sections: []
)",
                kSecretEnv);
  ASSERT_TRUE(r.spec) << all(r);
  const Settings& config = r.spec->sources[0].config;
  EXPECT_EQ(config.values.at("url"), "postgresql://u:env-secret-1@h/db");
  EXPECT_EQ(config.values.at("headers.Authorization"), "env-secret-6");
  // url and headers.Authorization came from the environment, password is
  // declared secret; table and headers.Accept are neither.
  EXPECT_EQ(config.secrets, (std::set<std::string>{"headers.Authorization",
                                                   "password", "url"}));
  EXPECT_EQ(r.spec->parameters.secrets, (std::set<std::string>{"api_token"}));
  EXPECT_EQ(r.spec->kpis[0].parameters.secrets,
            (std::set<std::string>{"api_token"}));
  EXPECT_EQ(r.spec->kpis[0].parameters.values.at("api_token"), "env-secret-6");
}

}  // namespace
}  // namespace vigie::spec
