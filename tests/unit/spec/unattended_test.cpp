// The blocks of unattended runs: schedule, delivery and burst, read and
// checked like the rest, each mistake at its file:line:column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/quantity.hpp"
#include "test_support.hpp"

namespace vigie::spec {
namespace {

using testing::all;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::read;

// Lines 1-12: a valid spec with an orders source and a list KPI; the
// blocks under test start on line 13.
std::string with(const std::string& blocks) {
  return testing::spec_with_block("table: value_segments") + blocks;
}

TEST(Unattended, AllThreeBlocksRead) {
  auto r = read(with(R"(schedule:
  cron: "0 7 1 * *"
  time_zone: America/New_York
  covers: month_to_date
  catch_up: all
  max_age: 3d
  timeout: 30m
  retries: 5
  retry_delay: 90s
  retry_max_delay: 2h
delivery:
  smtp:
    url: smtp://mail.example.com:587
    username_env: SMTP_USER
    password_env: SMTP_PASSWORD
    from: "Vigie <reports@example.com>"
    timeout: 1m
  groups:
    board: [ceo@example.com, cfo@example.com]
  to: [group:board, ceo@example.com, ops@example.com]
  subject: "{{report_title}}"
  attach_lists: [alert_1m]
  max_message_size: 5MiB
  report_url: https://reports.example.com/
  send_when: alert
  give_up_after: 12h
burst:
  by: orders.channel
  values:
    web: [web@example.com, group:board]
    store: [store@example.com]
)"));
  ASSERT_TRUE(r.spec) << all(r);
  const auto& s = *r.spec->schedule;
  EXPECT_EQ(s.cron, "0 7 1 * *");
  EXPECT_EQ(s.time_zone, "America/New_York");
  EXPECT_EQ(s.covers, "month_to_date");
  EXPECT_EQ(s.catch_up, "all");
  EXPECT_EQ(s.max_age_seconds, 3 * 86400);
  EXPECT_EQ(s.timeout_seconds, 1800);
  EXPECT_EQ(s.retries, 5);
  EXPECT_EQ(s.retry_delay_seconds, 90);
  EXPECT_EQ(s.retry_max_delay_seconds, 7200);
  const auto& d = *r.spec->delivery;
  EXPECT_EQ(d.smtp.url, "smtp://mail.example.com:587");
  EXPECT_EQ(d.smtp.password_env, "SMTP_PASSWORD");
  EXPECT_EQ(d.smtp.timeout_seconds, 60);
  // Groups expanded, each address once, in order.
  EXPECT_THAT(d.to, ElementsAre("ceo@example.com", "cfo@example.com",
                                "ops@example.com"));
  EXPECT_THAT(d.attach_lists, ElementsAre("alert_1m"));
  EXPECT_EQ(d.max_message_bytes, 5u * 1024 * 1024);
  EXPECT_EQ(d.send_when, SendWhen::Alert);
  EXPECT_EQ(d.give_up_after_seconds, 12 * 3600);
  const auto& b = *r.spec->burst;
  EXPECT_EQ(b.dataset, "orders");
  EXPECT_EQ(b.column, "channel");
  ASSERT_EQ(b.values.size(), 2u);
  EXPECT_EQ(b.values[0].first, "web");
  EXPECT_THAT(
      b.values[0].second,
      ElementsAre("web@example.com", "ceo@example.com", "cfo@example.com"));
}

TEST(Unattended, TheScheduleDefaultsToTheReportsZone) {
  auto r = read(with("schedule: {cron: \"@monthly\"}\n"));
  ASSERT_TRUE(r.spec) << all(r);
  EXPECT_EQ(r.spec->schedule->time_zone, "Europe/Paris");
  EXPECT_EQ(r.spec->schedule->covers, "previous_month");
  EXPECT_EQ(r.spec->schedule->catch_up, "latest");
  EXPECT_FALSE(r.spec->delivery);
}

// A weekly or daily report covers the week or the day before its slot by
// default, and only that.
TEST(Unattended, WhatARunCoversFollowsTheReportsGrain) {
  auto weekly = [](const std::string& schedule) {
    std::string text = with(schedule);
    text.replace(0, text.find('\n'), "report: {id: r, title: T, period: week}");
    return read(text);
  };
  auto r = weekly("schedule: {cron: \"0 7 * * 1\"}\n");
  ASSERT_TRUE(r.spec) << all(r);
  EXPECT_EQ(r.spec->report.period, table::Grain::Week);
  EXPECT_EQ(r.spec->schedule->covers, "previous_week");
  EXPECT_TRUE(weekly("schedule: {cron: \"0 7 * * 1\", covers: "
                     "previous_week}\n")
                  .spec);
  const std::string month = all(
      weekly("schedule:\n  cron: \"0 7 * * 1\"\n  covers: previous_month\n"));
  EXPECT_THAT(month, HasSubstr("spec.yaml:15:11: schedule.covers: "
                               "previous_month covers a period this report "
                               "does not have: its report.period is a week, "
                               "so expected previous_week"));

  std::string daily = with("schedule: {cron: \"0 6 * * *\"}\n");
  daily.replace(0, daily.find('\n'), "report: {id: r, title: T, period: day}");
  auto d = read(daily);
  ASSERT_TRUE(d.spec) << all(d);
  EXPECT_EQ(d.spec->report.period, table::Grain::Day);
  EXPECT_EQ(d.spec->schedule->covers, "previous_day");
}

TEST(Unattended, ACronMistakeIsPointedAtItsColumn) {
  // Line 14, `  cron: "0 61 1 * *"`: the value's quote is column 9, the
  // 61 starts at column 12.
  auto r = read(with("schedule:\n  cron: \"0 61 1 * *\"\n"));
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(r.errors[0].where.line, 14);
  EXPECT_EQ(r.errors[0].where.column, 12);
  EXPECT_THAT(r.errors[0].message, HasSubstr("61"));
  // Unquoted: the value starts at column 9.
  auto plain = read(with("schedule:\n  cron: 0 7 1 * FOO\n"));
  ASSERT_EQ(plain.errors.size(), 1u) << all(plain);
  EXPECT_EQ(plain.errors[0].where.column, 17);  // the F of FOO
}

TEST(Unattended, EveryMistakeAtItsPlace) {
  auto r = read(with(R"(schedule:
  cron: "0 7 1 * *"
  time_zone: Europe/Pariss
  covers: previous_week
  catch_up: sometimes
  max_age: 3 days
  retries: 99
  retry_delay: 1h
  retry_max_delay: 1m
delivery:
  smtp: {url: "http://mail", from: "nobody"}
  to: [someone, group:nobody]
  attach_lists: [value_segments, nope]
  max_message_size: big
  send_when: sometimes
burst:
  by: orders.colour
  values: {}
)"));
  const std::string text = all(r);
  EXPECT_THAT(text, HasSubstr("spec.yaml:15:14: schedule.time_zone: unknown "
                              "time zone 'Europe/Pariss'"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:16:11: schedule.covers: "
                              "previous_week covers a period this report "
                              "does not have: its report.period is a month, "
                              "so expected previous_month or month_to_date"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:17:13: schedule.catch_up: expected "
                              "one of skip, latest, all"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:18:12: schedule.max_age: expected "
                              "a duration"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:19:12: schedule.retries:"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:21:20: schedule.retry_max_delay: "
                              "expected at least retry_delay"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:23:15: delivery.smtp.url: expected "
                              "smtp://"));
  EXPECT_THAT(text, HasSubstr("delivery.smtp.from: expected an address"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:24:8: delivery.to[0]: expected an "
                              "e-mail address"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:24:17: delivery.to[1]: unknown "
                              "group 'nobody'"));
  EXPECT_THAT(text, HasSubstr("delivery.attach_lists[0]: KPI "
                              "'value_segments' is not a list"));
  EXPECT_THAT(text, HasSubstr("delivery.attach_lists[1]: unknown KPI "
                              "'nope'"));
  EXPECT_THAT(text, HasSubstr("delivery.max_message_size: expected a size"));
  EXPECT_THAT(text, HasSubstr("delivery.send_when: expected one of always, "
                              "not_empty, alert"));
  EXPECT_THAT(text, HasSubstr("spec.yaml:29:7: burst.by: orders has no "
                              "column 'colour'"));
  EXPECT_THAT(text, HasSubstr("burst.values: expected at least one value"));
}

TEST(Unattended, ABurstNeedsADeliveryAndATextColumnOfADatasetRead) {
  auto r = read(with("burst: {by: calls.queue, values: {a: [a@b.c]}}\n"));
  EXPECT_THAT(all(r), HasSubstr("burst sends one report a value by e-mail: "
                                "it needs a delivery block"));
  EXPECT_THAT(all(r), HasSubstr("no source of this spec fills calls"));
  auto typed =
      read(with("delivery: {smtp: {url: \"smtp://m:25\", from: a@b.c}}\n"
                "burst: {by: orders.amount, values: {a: [a@b.c]}}\n"));
  EXPECT_THAT(all(typed), HasSubstr("orders.amount is not a text column"));
  // With a burst, `to` may be left out.
  EXPECT_THAT(all(typed), Not(HasSubstr("delivery.to")));
}

TEST(Unattended, DeliveryNeedsTheJsonOutput) {
  auto r = read(testing::spec_with_block("table: value_segments",
                                         "outputs: {json: false}\n") +
                "delivery: {smtp: {url: \"smtp://m:25\", from: a@b.c}, to: "
                "[a@b.c]}\n");
  EXPECT_THAT(all(r), HasSubstr("outputs.json must stay true"));
}

TEST(Unattended, CredentialsAreNamesOfVariablesNeverValues) {
  auto r =
      read(with("delivery:\n"
                "  smtp: {url: \"smtps://m:465\", from: a@b.c, password_env: "
                "\"hunter2!\"}\n"
                "  to: [a@b.c]\n"));
  EXPECT_THAT(all(r), HasSubstr("delivery.smtp.password_env: expected the "
                                "name of an environment variable"));
}

TEST(Quantities, DurationsAndSizes) {
  EXPECT_EQ(parse_duration("90s"), 90);
  EXPECT_EQ(parse_duration("30m"), 1800);
  EXPECT_EQ(parse_duration("2h"), 7200);
  EXPECT_EQ(parse_duration("3d"), 3 * 86400);
  EXPECT_EQ(parse_duration("1w"), 7 * 86400);
  EXPECT_EQ(parse_duration("2 h"), 7200);
  EXPECT_FALSE(parse_duration("60"));  // no unit: seconds or minutes?
  EXPECT_FALSE(parse_duration("1.5h"));
  EXPECT_FALSE(parse_duration("-1h"));
  EXPECT_FALSE(parse_duration("h"));
  EXPECT_FALSE(parse_duration("99999999999999d"));
  EXPECT_EQ(parse_size("10MB"), 10'000'000u);
  EXPECT_EQ(parse_size("10 MiB"), 10u * 1024 * 1024);
  EXPECT_EQ(parse_size("512KiB"), 512u * 1024);
  EXPECT_EQ(parse_size("7B"), 7u);
  EXPECT_FALSE(parse_size("10"));
  EXPECT_FALSE(parse_size("10mb"));
  EXPECT_FALSE(parse_size("99999999999GB"));
}

}  // namespace
}  // namespace vigie::spec
