#include "spec/spec_reader.hpp"

#include <fmt/format.h>

#include <array>

#include "locale/locale.hpp"
#include "table/date_tz.hpp"

namespace vigie::spec {
namespace {

bool known_time_zone(const std::string& name) {
  try {
    date::locate_zone(name);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// Periods in a trend: ten years of months is already more than a chart
// shows legibly, and each period is computed by every indicator.
constexpr int kMaxSeries = 120;

// A session gap longer than a day would join a visitor's visits of
// different days into one.
constexpr int kMaxSessionGapMinutes = 1440;

}  // namespace

Report SpecReader::read_report(const Cursor& at) {
  Report report;
  if (!doc_.expect_map(at)) return report;
  Fields f(doc_, at,
           {"id", "title", "author", "locale", "currency", "time_zone",
            "period", "comparison", "series", "session_gap_minutes",
            "reject_threshold", "template", "theme"});
  read_id(report.id, f.required("id", "a name, used in file names"));
  doc_.assign(report.title, f.required("title", "a string"));
  if (auto a = f.optional("author")) doc_.assign(report.author, a);
  if (auto l = f.optional("locale"))
    if (auto i = doc_.choice(*l, kLocales)) report.locale = kLocales[*i];
  if (auto c = f.optional("currency")) {
    doc_.assign(report.currency, c);
    if (!locale::known_currency(report.currency))
      doc_.error(*c, fmt::format("unknown currency '{}': expected an ISO "
                                 "4217 code such as EUR, GBP or USD",
                                 report.currency));
  }
  if (auto tz = f.optional("time_zone")) {
    doc_.assign(report.time_zone, tz);
    if (!known_time_zone(report.time_zone))
      doc_.error(*tz, fmt::format("unknown time zone '{}': expected an "
                                  "IANA name such as Europe/Paris or UTC",
                                  report.time_zone));
  }
  if (auto p = f.optional("period"))
    if (auto i = doc_.choice(*p, {"month", "week", "day"}))
      report.period = std::array{table::Grain::Month, table::Grain::Week,
                                 table::Grain::Day}[*i];
  if (auto c = f.optional("comparison"))
    if (auto i = doc_.choice(*c, {"previous", "year"}))
      report.comparison =
          *i == 0 ? Comparison::PreviousPeriod : Comparison::PreviousYear;
  if (auto s = f.optional("series")) {
    doc_.assign(report.series, s);
    if (report.series < 1 || report.series > kMaxSeries)
      doc_.error(*s, fmt::format("expected between 1 and {} periods (ten "
                                 "years of months)",
                                 kMaxSeries));
  }
  if (auto g = f.optional("session_gap_minutes")) {
    doc_.assign(report.session_gap_minutes, g);
    if (report.session_gap_minutes < 1 ||
        report.session_gap_minutes > kMaxSessionGapMinutes)
      doc_.error(*g, fmt::format("expected whole minutes between 1 and {} "
                                 "(a day)",
                                 kMaxSessionGapMinutes));
  }
  if (auto r = f.optional("reject_threshold")) {
    doc_.assign(report.reject_threshold, r);
    if (report.reject_threshold < 0 || report.reject_threshold > 1)
      doc_.error(*r, "expected a share between 0 and 1 (0.01 is 1%)");
  }
  read_look(f.optional("template"), f.optional("theme"), report);
  return report;
}

}  // namespace vigie::spec
