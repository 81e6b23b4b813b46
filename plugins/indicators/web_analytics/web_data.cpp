#include "web_data.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::web_analytics {

namespace {

using sdk::kernels::kNone;

const ColumnView& dictionary_column(const TableView& table,
                                    std::string_view dataset,
                                    std::string_view name) {
  const ColumnView& column = table.column(name);
  if (column.type() != Type::Dictionary)
    throw std::runtime_error(std::string(dataset) + "." + std::string(name) +
                             " must be a dictionary-encoded text column");
  return column;
}

EventTypes find_event_types(const ColumnView& event_type) {
  EventTypes types;
  for (int32_t code = 0; code < event_type.dictionary_size(); ++code) {
    std::string_view text = event_type.dictionary_at(code);
    if (text == "page_view") types.page_view = code;
    if (text == "action") types.action = code;
    if (text == "conversion") types.conversion = code;
  }
  return types;
}

PageClasses classify_pages(const ColumnView& page,
                           const WebParameters& parameters) {
  PageClasses classes;
  const auto pages = static_cast<size_t>(page.dictionary_size());
  classes.group.resize(pages);
  classes.moment_offsets.assign(pages + 1, 0);
  for (size_t code = 0; code < pages; ++code) {
    std::string_view text = page.dictionary_at(static_cast<int32_t>(code));
    classes.group[code] = parameters.page_groups.best(text);
    for (int32_t moment : parameters.life_moments.matching(text))
      classes.moments.push_back(moment);
    classes.moment_offsets[code + 1] =
        static_cast<int32_t>(classes.moments.size());
  }
  return classes;
}

}  // namespace

WebData::WebData(const sdk::Request& request, const WebParameters& p)
    : parameters(p),
      periods(request.periods),
      current(request.current),
      previous(static_cast<int32_t>(request.current) - 1),
      web(request.required("web_events")),
      ts(web.column("ts")),
      visitor(dictionary_column(web, "web_events", "visitor_id")),
      event_type(dictionary_column(web, "web_events", "event_type")),
      page(dictionary_column(web, "web_events", "page")),
      device(dictionary_column(web, "web_events", "device")),
      load_time(web.column("load_time_ms")),
      sessions(request.required("sessions")),
      session_event_rows(
          request.required("session_events").column("event").ints()),
      links(request.required("visitor_links")),
      types_(find_event_types(event_type)),
      page_classes_(classify_pages(page, p)),
      stitching_(links, visitor.dictionary_size()) {
  if (current >= request.periods.size())
    throw std::runtime_error("the report period is not one of the request's");
}

const std::vector<int32_t>& WebData::event_periods() {
  if (!event_periods_) event_periods_ = periods.assign(ts);
  return *event_periods_;
}

const std::vector<int32_t>& WebData::person_keys() {
  if (!person_keys_)
    person_keys_ = stitching_.person_keys(visitor, event_periods(), periods);
  return *person_keys_;
}

}  // namespace vigie::web_analytics
