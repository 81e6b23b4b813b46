// An indicator that reads the engine's derived datasets (sessions,
// session_events, visitor_links) through the plugin ABI, as any indicator
// would, and reports simple counts of them per period, so that a test can
// check that a run builds and lends them.
#include <cstdint>
#include <stdexcept>

#include "vigie/sdk.hpp"

namespace {

class DerivedProbe : public vigie::sdk::Indicator {
 public:
  explicit DerivedProbe(const vigie::sdk::Config&) {}

  void compute(const vigie::sdk::Request& request,
               const vigie::sdk::Sink& sink) override {
    const vigie::TableView& sessions = request.required("sessions");
    const vigie::TableView& links = request.required("visitor_links");
    const int64_t event_rows = request.required("session_events").rows();
    const int64_t* started = sessions.column("started_at").ints();
    const int64_t* events = sessions.column("events").ints();
    const int64_t* page_views = sessions.column("page_views").ints();
    const int64_t* first = sessions.column("first_event").ints();
    const int32_t* linked = links.column("visitor_id").codes();
    const int64_t* since = links.column("since").ints();

    for (uint32_t p = 0; p < request.periods.size(); ++p) {
      const vigie_period& period = request.periods[p];
      int64_t started_in = 0, views = 0, rows = 0;
      for (int64_t s = 0; s < sessions.rows(); ++s) {
        if (first[s] < 0 || first[s] + events[s] > event_rows)
          throw std::runtime_error(
              "a session's events are outside "
              "session_events");
        if (started[s] < period.start_us || started[s] >= period.end_us)
          continue;
        ++started_in;
        views += page_views[s];
        rows += events[s];
      }
      // Visitors linked at as_of = the period's end: those whose first row
      // (rows come by visitor, then since) is before it.
      int64_t linked_visitors = 0;
      for (int64_t r = 0; r < links.rows(); ++r)
        if ((r == 0 || linked[r - 1] != linked[r]) && since[r] < period.end_us)
          ++linked_visitors;
      sink.value("probe_sessions", p, static_cast<double>(started_in));
      sink.value("probe_page_views", p, static_cast<double>(views));
      sink.value("probe_session_events", p, static_cast<double>(rows));
      sink.value("probe_linked_visitors", p,
                 static_cast<double>(linked_visitors));
    }
  }
};

constexpr vigie_output kOutputs[] = {
    vigie::sdk::output(VIGIE_OUTPUT_VALUE, "probe_sessions", "Sessions",
                       "count", "sessions started in the period"),
    vigie::sdk::output(VIGIE_OUTPUT_VALUE, "probe_page_views", "Page views",
                       "count", "page views of the sessions of the period"),
    vigie::sdk::output(VIGIE_OUTPUT_VALUE, "probe_session_events",
                       "Session events", "count",
                       "events of the sessions of the period"),
    vigie::sdk::output(VIGIE_OUTPUT_VALUE, "probe_linked_visitors",
                       "Linked visitors", "count",
                       "visitors linked to a customer at the period's end")};
constexpr vigie_input kInputs[] = {vigie::sdk::input("sessions", true),
                                   vigie::sdk::input("session_events", true),
                                   vigie::sdk::input("visitor_links", true)};

}  // namespace

VIGIE_INDICATOR_PLUGIN(DerivedProbe, "derived_probe", "1.0.0",
                       "Counts the derived datasets it is lent (tests)",
                       nullptr, kOutputs, kInputs)
