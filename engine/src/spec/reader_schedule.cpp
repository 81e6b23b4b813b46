#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "schedule/cron.hpp"
#include "spec/quantity.hpp"
#include "spec/spec_reader.hpp"
#include "table/date_tz.hpp"

namespace vigie::spec {
namespace {

// What a run may cover, by the report's grain: the days of one period of
// it (month_to_date: the days so far of the month being reported).
const std::vector<std::string>& covers_of(table::Grain grain) {
  static const std::vector<std::string> month = {"previous_month",
                                                 "month_to_date"};
  static const std::vector<std::string> week = {"previous_week"};
  static const std::vector<std::string> day = {"previous_day"};
  switch (grain) {
    case table::Grain::Week:
      return week;
    case table::Grain::Day:
      return day;
    case table::Grain::Month:
      break;
  }
  return month;
}
const std::vector<std::string> kAllCovers = {"previous_month", "month_to_date",
                                             "previous_week", "previous_day"};
const std::vector<std::string> kCatchUp = {"skip", "latest", "all"};

// A run has at most this many attempts: beyond, a failure is not
// transient.
constexpr int kMaxRetries = 20;

}  // namespace

void SpecReader::read_duration(long long& out,
                               const std::optional<Cursor>& at) {
  if (!at) return;
  auto t = doc_.text(*at);
  if (!t) return;
  if (auto seconds = parse_duration(t->value); seconds && *seconds > 0) {
    out = *seconds;
    return;
  }
  doc_.error(*at, fmt::format("expected a duration: a whole number and a "
                              "unit, s, m, h, d or w (90s, 30m, 2h, 3d), "
                              "not {}",
                              doc_.quote(*at, *t)));
}

Schedule SpecReader::read_schedule(const Cursor& at, const Report& report) {
  Schedule schedule;
  schedule.location = doc_.where(at);
  schedule.time_zone = report.time_zone;
  if (!doc_.expect_map(at, "a map with at least cron")) return schedule;
  Fields f(doc_, at,
           {"cron", "time_zone", "covers", "catch_up", "max_age", "timeout",
            "retries", "retry_delay", "retry_max_delay"});
  if (auto c = f.required("cron", "a cron expression such as \"0 7 1 * *\""))
    if (auto t = doc_.text(*c)) {
      schedule.cron = t->value;
      try {
        schedule::CronExpression::parse(t->value);
      } catch (const schedule::CronError& e) {
        // At the faulty character: a quoted scalar starts one column
        // after its quote (yaml-cpp tags quoted scalars "!").
        Cursor inside = *c;
        inside.mark.column += e.column - 1 + (c->node.Tag() == "!" ? 1 : 0);
        doc_.error(inside, e.what());
      }
    }
  if (auto tz = f.optional("time_zone")) {
    doc_.assign(schedule.time_zone, tz);
    try {
      date::locate_zone(schedule.time_zone);
    } catch (const std::exception&) {
      doc_.error(*tz, fmt::format("unknown time zone '{}': expected an IANA "
                                  "name such as Europe/Paris or UTC",
                                  schedule.time_zone));
    }
  }
  const auto& allowed = covers_of(report.period);
  schedule.covers = allowed.front();
  if (auto c = f.optional("covers")) {
    auto t = doc_.text(*c);
    if (t &&
        std::find(allowed.begin(), allowed.end(), t->value) == allowed.end() &&
        std::find(kAllCovers.begin(), kAllCovers.end(), t->value) !=
            kAllCovers.end())
      doc_.error(*c, fmt::format("{} covers a period this report does not "
                                 "have: its report.period is a {}, so "
                                 "expected {}",
                                 t->value, table::grain_name(report.period),
                                 fmt::join(allowed, " or ")));
    else if (auto i = doc_.choice(*c, allowed))
      schedule.covers = allowed[*i];
  }
  if (auto c = f.optional("catch_up"))
    if (auto i = doc_.choice(*c, kCatchUp)) schedule.catch_up = kCatchUp[*i];
  read_duration(schedule.max_age_seconds, f.optional("max_age"));
  read_duration(schedule.timeout_seconds, f.optional("timeout"));
  if (auto r = f.optional("retries")) {
    doc_.assign(schedule.retries, r);
    if (schedule.retries < 0 || schedule.retries > kMaxRetries)
      doc_.error(*r,
                 fmt::format("expected between 0 and {} retries", kMaxRetries));
  }
  read_duration(schedule.retry_delay_seconds, f.optional("retry_delay"));
  auto max_at = f.optional("retry_max_delay");
  read_duration(schedule.retry_max_delay_seconds, max_at);
  if (max_at && schedule.retry_max_delay_seconds < schedule.retry_delay_seconds)
    doc_.error(*max_at,
               "expected at least retry_delay: it caps the waits "
               "that start at retry_delay and double");
  return schedule;
}

}  // namespace vigie::spec
