#include "pipeline/data_quality.hpp"

#include <algorithm>
#include <map>

#include "locale/catalog.hpp"
#include "locale/labels.hpp"
#include "locale/number_format.hpp"

namespace vigie::pipeline {
namespace {

// A source whose last row is older than this before the end of the period
// is warned about: a day's margin, so that a quiet last night is not.
constexpr int64_t kStopsEarlyUs = int64_t{24} * 3600 * 1000000;

// The kind of a reject, without the value it quotes: "column 'amount':
// expected a decimal number ..., got 'x'" counts with the other bad
// amounts.
std::string reason_kind(const std::string& reason) {
  const size_t got = reason.find(", got '");
  return got == std::string::npos ? reason : reason.substr(0, got);
}

struct ReasonCount {
  int64_t count = 0;
  const ingest::Reject* first = nullptr;
};

std::string count_text(int64_t n, const locale::Locale& locale) {
  return locale::format_number(static_cast<double>(n), 0, locale);
}

// The source as the report names it: "Événements web (web)".
std::string source_text(const std::string& id, const SourceDatasets& datasets,
                        const locale::Locale& locale) {
  const auto found = datasets.find(id);
  return locale::source_name(
      locale, id, found == datasets.end() ? std::string() : found->second);
}

}  // namespace

std::vector<std::string> data_quality_notes(const ingest::RejectLog& rejects,
                                            const SourceDatasets& datasets,
                                            const locale::Locale& locale) {
  std::vector<std::string> notes;
  int64_t read = 0;
  for (const auto& [id, c] : rejects.counts()) {
    read += c.read;
    if (c.read == 0) {
      const locale::Arg source[] = {
          locale::Arg::of_text("source", source_text(id, datasets, locale))};
      notes.push_back(locale::message(locale, "quality.source_empty", source));
    }
    if (c.unmatched.value_or(0) > 0) {
      const locale::Arg args[] = {
          locale::Arg::of_text("source", source_text(id, datasets, locale)),
          locale::Arg::of_number("unmatched", locale::ArgType::Count,
                                 static_cast<double>(*c.unmatched)),
          locale::Arg::of_number("read", locale::ArgType::Count,
                                 static_cast<double>(c.read))};
      notes.push_back(locale::message(locale, "quality.unmatched", args));
    }
  }
  if (rejects.total_rejected() == 0) return notes;
  const locale::Arg counts[] = {
      locale::Arg::of_number("rejected", locale::ArgType::Count,
                             static_cast<double>(rejects.total_rejected())),
      locale::Arg::of_number("read", locale::ArgType::Count,
                             static_cast<double>(read))};
  notes.push_back(locale::message(locale, "quality.rejected", counts));
  return notes;
}

render::Section data_quality_appendix(const ingest::RejectLog& rejects,
                                      const SourceDatasets& datasets,
                                      const compute::PeriodPlan& plan,
                                      const locale::Locale& locale) {
  render::Section section;
  section.title = locale::message(locale, "quality.title", {});
  const auto& period = plan.periods[plan.current];
  const locale::Arg asked[] = {
      locale::Arg::of_instant("start", period.start_us),
      locale::Arg::of_instant("end", period.end_us)};
  section.blocks.emplace_back(
      render::Note{locale::message(locale, "quality.period_asked", asked)});

  render::TableBlock table;
  for (const char* id : {"quality.column.source", "quality.column.read",
                         "quality.column.rejected", "quality.column.unmatched",
                         "quality.column.first", "quality.column.last"})
    table.header.push_back(locale::message(locale, id, {}));
  table.numeric = {false, true, true, true, false, false};
  std::vector<render::Note> warnings;
  for (const auto& [id, c] : rejects.counts()) {
    auto time = [&](const std::optional<int64_t>& us) {
      return us ? locale::format_local_time(*us, locale) : std::string("–");
    };
    table.rows.push_back(
        {source_text(id, datasets, locale), count_text(c.read, locale),
         count_text(c.rejected, locale),
         c.unmatched ? count_text(*c.unmatched, locale) : std::string("–"),
         time(c.first_us), time(c.last_us)});
    if (c.repaired.value_or(0) > 0) {
      const locale::Arg args[] = {
          locale::Arg::of_text("source", source_text(id, datasets, locale)),
          locale::Arg::of_number("count", locale::ArgType::Count,
                                 static_cast<double>(*c.repaired))};
      warnings.push_back({locale::message(locale, "quality.repaired", args)});
    }
    if (c.last_us && *c.last_us < period.end_us - kStopsEarlyUs) {
      const locale::Arg args[] = {
          locale::Arg::of_text("source", source_text(id, datasets, locale)),
          locale::Arg::of_instant("last", *c.last_us),
          locale::Arg::of_instant("end", period.end_us)};
      warnings.push_back(
          {locale::message(locale, "quality.stops_early", args)});
    }
  }
  section.blocks.emplace_back(std::move(table));
  for (auto& w : warnings) section.blocks.emplace_back(std::move(w));

  // The three most frequent kinds of reject of each source, each with the
  // first row it hit, where a reader can look.
  std::map<std::string, std::map<std::string, ReasonCount>> reasons;
  for (const auto& r : rejects.rejects()) {
    ReasonCount& rc = reasons[r.source][reason_kind(r.reason)];
    if (rc.count++ == 0) rc.first = &r;
  }
  for (const auto& [source, kinds] : reasons) {
    std::vector<std::pair<std::string, ReasonCount>> ranked(kinds.begin(),
                                                            kinds.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) {
                       return a.second.count > b.second.count;
                     });
    if (ranked.size() > 3) ranked.resize(3);
    for (const auto& [kind, rc] : ranked) {
      const locale::Arg args[] = {
          locale::Arg::of_text("source", source_text(source, datasets, locale)),
          locale::Arg::of_number("count", locale::ArgType::Count,
                                 static_cast<double>(rc.count)),
          locale::Arg::of_text("reason", kind),
          locale::Arg::of_text("where", rc.first->origin + ":" +
                                            std::to_string(rc.first->line))};
      section.blocks.emplace_back(
          render::Note{locale::message(locale, "quality.reason", args)});
    }
  }
  return section;
}

}  // namespace vigie::pipeline
