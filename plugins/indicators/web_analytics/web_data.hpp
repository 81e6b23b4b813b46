// What every web-analytics figure reads: the canonical web_events and the
// engine's derived datasets (sessions, session_events, visitor_links, see
// docs/architecture.md "Derived datasets"), the report's periods, the page
// classes of each page of the dictionary, and the per-event facts several
// figures share (period, stitched person), each worked out once a compute.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "vigie/sdk.hpp"
#include "web_parameters.hpp"

namespace vigie::web_analytics {

// Event types the figures look for; -1 when the data has none of them.
struct EventTypes {
  int32_t page_view = -1;
  int32_t action = -1;
  int32_t conversion = -1;

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

class WebData {
 public:
  // Throws naming a missing dataset or column.
  WebData(const sdk::Request& request, const WebParameters& parameters);
  WebData(const WebData&) = delete;
  WebData& operator=(const WebData&) = delete;

  const WebParameters& parameters;
  const sdk::kernels::PeriodIndex periods;
  const uint32_t current;  // P
  // P': the period before P in the request (the previous calendar month),
  // or -1 when P is the first.
  const int32_t previous;

  // web_events
  const TableView& web;
  const ColumnView& ts;
  const ColumnView& visitor;
  const ColumnView& event_type;
  const ColumnView& page;
  const ColumnView& device;
  const ColumnView& load_time;
  // The derived datasets.
  const TableView& sessions;
  const int64_t* session_event_rows;  // session_events.event
  const TableView& links;

  const EventTypes& types() const { return types_; }
  const PageClasses& page_classes() const { return page_classes_; }
  const sdk::kernels::Stitching& stitching() const { return stitching_; }
  // The event type code of web_events row `row` (-1 when null).
  int32_t type_of(int64_t row) const {
    return event_type.is_valid(row) ? event_type.codes()[row] : -1;
  }
  // The page code of web_events row `row` (-1 when null).
  int32_t page_of(int64_t row) const {
    return page.is_valid(row) ? page.codes()[row] : -1;
  }

  // The period of each web event (kNone outside every period).
  const std::vector<int32_t>& event_periods();
  // The person key of each event of a period, stitched at the end of that
  // period (Stitching::person_key; -1 outside every period).
  const std::vector<int32_t>& person_keys();

 private:
  EventTypes types_;
  PageClasses page_classes_;
  sdk::kernels::Stitching stitching_;
  std::optional<std::vector<int32_t>> event_periods_;
  std::optional<std::vector<int32_t>> person_keys_;
};

}  // namespace vigie::web_analytics
