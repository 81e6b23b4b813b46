// Typical paths (KPI-CATALOG.md section 3): the page groups a session of P
// went through, in time order, pages in no group dropped, consecutive
// repeats collapsed, cut after the first `path_length` groups; the most
// frequent ones with their share of visits and the share of their sessions
// that end with an action or a conversion.

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string>
#include <vector>

#include "web_run.hpp"

namespace vigie::web_analytics {

namespace {

// A path packed in 64 bits: group g + 1 in each field, oldest first from
// the top, 0 for an unused field (WebParameters::check makes sure that
// path_length fields fit).
struct PathCodec {
  explicit PathCodec(int32_t groups)
      : bits(static_cast<int>(
            std::bit_width(static_cast<uint64_t>(groups) + 1))) {}

  uint64_t append(uint64_t path, int32_t group) const {
    return path << bits | static_cast<uint64_t>(group + 1);
  }
  // The groups of a packed path, oldest first.
  std::vector<int32_t> groups(uint64_t path) const {
    std::vector<int32_t> out;
    const uint64_t mask = (uint64_t{1} << bits) - 1;
    for (; path != 0; path >>= bits)
      out.push_back(static_cast<int32_t>(path & mask) - 1);
    std::reverse(out.begin(), out.end());
    return out;
  }

  int bits;
};

struct SessionPath {
  uint64_t path;
  bool ends_with_act;

  bool operator<(const SessionPath& other) const { return path < other.path; }
};

struct PathRow {
  std::string text;
  int64_t sessions = 0;
  int64_t ending = 0;
};

}  // namespace

Table top_paths(Run& run) {
  const WebParameters& parameters = run.parameters;
  const PathCodec codec(parameters.page_groups.size());
  const PageClasses& classes = run.page_classes();
  const EventTypes& types = run.types();
  const ColumnView& event_type = run.web_dictionary("event_type");
  const ColumnView& page = run.web_dictionary("page");
  const int64_t* events = run.sessions().column("events").ints();
  const int64_t* first_event = run.sessions().column("first_event").ints();
  const SessionEventRows event_rows = run.session_event_rows();
  const std::span<const int32_t> session_period = run.session_keys().groups();
  const auto length = static_cast<int32_t>(parameters.path_length);

  std::vector<SessionPath> paths;
  int64_t visits = 0;
  for (size_t s = 0; s < session_period.size(); ++s) {
    if (session_period[s] != static_cast<int32_t>(run.request.current))
      continue;
    ++visits;
    const int64_t first = first_event[s];
    const int64_t last = first + events[s] - 1;
    uint64_t path = 0;
    int32_t kept = 0, previous_group = -1;
    for (int64_t e = first; e <= last && kept < length; ++e) {
      const int64_t row = event_rows[e];
      if (!types.is_page_view(code_at(event_type, row))) continue;
      const int32_t code = code_at(page, row);
      const int32_t group =
          code < 0 ? -1 : classes.group[static_cast<size_t>(code)];
      if (group < 0 || group == previous_group) continue;
      path = codec.append(path, group);
      previous_group = group;
      ++kept;
    }
    // No grouped page view: no path, but still one of the visits.
    if (kept == 0) continue;
    paths.push_back(
        {path, types.ends_a_journey(code_at(event_type, event_rows[last]))});
  }

  // Sessions a path: sorted, then counted run by run.
  std::sort(paths.begin(), paths.end());
  std::vector<PathRow> rows;
  for (size_t i = 0; i < paths.size();) {
    PathRow row;
    const uint64_t path = paths[i].path;
    for (; i < paths.size() && paths[i].path == path; ++i) {
      ++row.sessions;
      row.ending += paths[i].ends_with_act ? 1 : 0;
    }
    for (int32_t group : codec.groups(path)) {
      if (!row.text.empty()) row.text += " > ";
      row.text += parameters.page_groups.name(group);
    }
    rows.push_back(std::move(row));
  }
  const auto shown =
      std::min(rows.size(), static_cast<size_t>(parameters.top_paths));
  std::partial_sort(rows.begin(), rows.begin() + static_cast<ptrdiff_t>(shown),
                    rows.end(), [](const PathRow& a, const PathRow& b) {
                      if (a.sessions != b.sessions)
                        return a.sessions > b.sessions;
                      return a.text < b.text;
                    });

  Table out;
  auto& path_column = out.add("path", Type::String);
  auto& sessions_column = out.add("sessions", Type::Int64, "count");
  auto& share_column = out.add("share", Type::Double, "ratio");
  auto& ending_column = out.add("ending_share", Type::Double, "ratio");
  for (size_t i = 0; i < shown; ++i) {
    path_column.push_string(rows[i].text);
    sessions_column.push_int(rows[i].sessions);
    share_column.push_double(*safe_ratio(rows[i].sessions, visits));
    ending_column.push_double(*safe_ratio(rows[i].ending, rows[i].sessions));
  }
  return out;
}

}  // namespace vigie::web_analytics
