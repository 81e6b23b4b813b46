// One compute of the web-analytics indicator (KPI-CATALOG.md section 3):
// web_events and the engine's derived datasets (sessions, session_events,
// visitor_links, see docs/architecture.md "Derived datasets"), with the
// facts several KPIs share, each worked out at most once and only when an
// asked KPI needs it. A pass looks a column up when it runs, so that a KPI
// touches only the columns it declares (web_analytics_plugin.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/sdk.hpp"
#include "web_parameters.hpp"

namespace vigie::web_analytics {

using namespace sdk::kernels;

// Event types the figures look for; -1 when the data has none of them.
struct EventTypes {
  int32_t page_view = -1;
  int32_t action = -1;
  int32_t conversion = -1;

  bool is_page_view(int32_t type) const {
    return type >= 0 && type == page_view;
  }
  bool ends_a_journey(int32_t type) const {
    return type >= 0 && (type == action || type == conversion);
  }
};

// The group and the life moments of every page code of the dictionary:
// each distinct page is matched once, never once an event.
struct PageClasses {
  std::vector<int32_t> group;  // by page code: group index or -1
  // Moments of page code c: moments[moment_offsets[c] .. [c + 1]).
  std::vector<int32_t> moment_offsets;
  std::vector<int32_t> moments;

  std::span<const int32_t> moments_of(int32_t page) const {
    auto c = static_cast<size_t>(page);
    return std::span<const int32_t>(moments).subspan(
        static_cast<size_t>(moment_offsets[c]),
        static_cast<size_t>(moment_offsets[c + 1] - moment_offsets[c]));
  }
};

// The code of a dictionary column's row, -1 when null.
inline int32_t code_at(const ColumnView& column, int64_t row) {
  return column.is_valid(row) ? column.codes()[row] : -1;
}

// session_events.event: the web_events row of each event of a session,
// checked as it is read.
class SessionEventRows {
 public:
  SessionEventRows(const TableView& session_events, int64_t web_rows)
      : event_(session_events.column("event")), web_rows_(web_rows) {}
  int64_t operator[](int64_t e) const {
    const int64_t row = e >= 0 && e < event_.size() && event_.is_valid(e)
                            ? event_.ints()[e]
                            : -1;
    if (row < 0 || row >= web_rows_) throw not_a_row(e);
    return row;
  }

 private:
  static std::runtime_error not_a_row(int64_t e) {
    return std::runtime_error("session_events row " + std::to_string(e) +
                              " is not a row of web_events");
  }
  const ColumnView& event_;
  int64_t web_rows_;
};

struct LoadTimeFigures {
  std::vector<std::optional<int64_t>> p50, p95;  // ms, by period
};
struct CrossDeviceFigures {
  std::vector<int64_t> customers;     // customers with an event, by period
  std::vector<int64_t> cross_device;  // of them, on two devices or more
};

struct Run;
LoadTimeFigures measure_load_times(Run& run);     // event_figures.cpp
CrossDeviceFigures count_cross_device(Run& run);  // event_figures.cpp

struct Run : sdk::Compute<WebParameters> {
  using Compute::Compute;

  int32_t period_count() const {
    return static_cast<int32_t>(request.periods.size());
  }
  // P', the period P is compared with (the one before it, or the same one
  // a year before), or -1 when the request has none.
  int32_t previous() const {
    return request.previous == request.current
               ? -1
               : static_cast<int32_t>(request.previous);
  }

  const TableView& web() const { return request.required("web_events"); }
  const TableView& sessions() const { return request.required("sessions"); }
  const TableView& links() const { return request.required("visitor_links"); }
  // A text column of web_events, dictionary-encoded as ingest makes them.
  const ColumnView& web_dictionary(std::string_view name) const;
  SessionEventRows session_event_rows() const {
    return SessionEventRows(request.required("session_events"), web().rows());
  }

  // The period of each web event, as group keys (kNone: in no period).
  const GroupKeys& event_keys() {
    return event_keys_.get([&] {
      return GroupKeys::by_period(
          PeriodIndex(request.periods).assign(web().column("ts")),
          period_count());
    });
  }
  std::span<const int32_t> event_periods() { return event_keys().groups(); }
  // The period of each session, that of its first event.
  const GroupKeys& session_keys() {
    return session_keys_.get([&] {
      return GroupKeys::by_period(
          PeriodIndex(request.periods).assign(sessions().column("started_at")),
          period_count());
    });
  }
  const EventTypes& types();
  const PageClasses& page_classes();
  const Stitching& stitching() {
    return stitching_.get([&] {
      return Stitching(links(), web_dictionary("visitor_id").dictionary_size());
    });
  }
  // The person key of each event of a period, stitched at the end of that
  // period (Stitching::person_key; -1 outside every period).
  const std::vector<int32_t>& person_keys() {
    return person_keys_.get([&] {
      return stitching().person_keys(web_dictionary("visitor_id"),
                                     event_periods(),
                                     PeriodIndex(request.periods));
    });
  }

  // The shared passes, by period.
  const std::vector<int64_t>& visit_counts() {
    return visits_.get([&] {
      Count visits(period_count());
      aggregate(session_keys(), visits);
      return std::vector<int64_t>(visits.counts().begin(),
                                  visits.counts().end());
    });
  }
  const LoadTimeFigures& load_times() {
    return load_times_.get([&] { return measure_load_times(*this); });
  }
  const CrossDeviceFigures& cross_device() {
    return cross_device_.get([&] { return count_cross_device(*this); });
  }

 private:
  sdk::Lazy<GroupKeys> event_keys_, session_keys_;
  sdk::Lazy<EventTypes> types_;
  sdk::Lazy<PageClasses> page_classes_;
  sdk::Lazy<Stitching> stitching_;
  sdk::Lazy<std::vector<int32_t>> person_keys_;
  sdk::Lazy<std::vector<int64_t>> visits_;
  sdk::Lazy<LoadTimeFigures> load_times_;
  sdk::Lazy<CrossDeviceFigures> cross_device_;
};

// The value KPIs, by period: session_figures.cpp (a session counts, whole,
// in the period of its first event) and event_figures.cpp (an event counts
// in the period its ts falls in).
using sdk::Series;
Series visits(Run& run);
Series bounce_rate(Run& run);
Series pages_per_visit(Run& run);
Series avg_visit_duration(Run& run);  // seconds
Series unique_visitors(Run& run);
Series unique_people(Run& run);  // stitched at the period's end
Series load_time_p50(Run& run);
Series load_time_p95(Run& run);
Series cross_device_customers(Run& run);
Series cross_device_share(Run& run);

// The tables, for the report period P.
// visits_by_device: device ("(none)" when the first event has none),
// visits, share of P's visits; by visits descending, then device.
Table visits_by_device(Run& run);
// load_time_by_group: group, page_views, p50, p95 (ms) of P's page views
// with a load time, one row a group that has one, by group name.
Table load_time_by_group(Run& run);
// Life moments (life_moments.cpp): the customers who viewed a page of a
// moment. life_moments: moment, customers (P), previous_customers (P'),
// one row a moment of the parameter, by moment name.
Table life_moment_counts(Run& run);
// life_moment_list: customer_id, moment, last_visit, suggested_action; one
// row a (customer, moment) of the window [as_of - days, as_of), by
// customer_id then moment. Anonymous visitors make no row.
Table life_moment_list(Run& run);
// Typical paths (top_paths.cpp): path (groups joined by " > "), sessions,
// share (of P's visits), ending_share; by sessions descending, then path.
Table top_paths(Run& run);

}  // namespace vigie::web_analytics
