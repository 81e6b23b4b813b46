// Touchpoint volume (KPI-CATALOG.md section 7): how many customers pass
// through each (step, channel) cell in P, so that a weak cell is weighed
// by its traffic. Three sources, each mapped to steps by the spec's
// patterns, every distinct page, action, reason or channel matched once
// (never once a row):
// - web sessions of P (the derived `sessions`, by started_at): a session
//   counts once at each step one of its events' page or action maps to,
//   on channel `app` when its device is `app`, else `web` (KPI-CATALOG.md
//   8b: desktop, mobile and tablet are `web`; a session of no device is a
//   web session too);
// - inbound calls of P (started_at), at the step of their reason, channel
//   `phone`;
// - purchases of P (orders whose total is > 0, at their earliest line's
//   time), at the step of their order channel (the channel of their
//   earliest line that has one), on that channel.
#include <span>

#include "experience_run.hpp"

namespace vigie::experience {
namespace {

// For each code of a dictionary column, the step its text maps to by
// `steps` (the step's index in the vocabulary), or -1.
std::vector<int32_t> steps_of(const ColumnView* column,
                              const pages::PatternMap& steps,
                              const Vocabulary& words) {
  return Vocabulary::codes(column, [&](std::string_view text) {
    const int32_t s = steps.best(text);
    return s < 0 ? -1 : words.step(steps.name(s));
  });
}

int32_t code_at(const ColumnView& column, int64_t row) {
  return column.is_valid(row) ? column.codes()[row] : -1;
}

int32_t mapped(const std::vector<int32_t>& step_of, int32_t code) {
  return code < 0 || step_of.empty() ? -1 : step_of[static_cast<size_t>(code)];
}

void count_sessions(Run& run, const PeriodIndex& periods,
                    std::vector<int64_t>& volume) {
  const TableView* sessions = run.request.dataset("sessions");
  const TableView* session_events = run.request.dataset("session_events");
  const TableView* web = run.request.dataset("web_events");
  if (sessions == nullptr || session_events == nullptr || web == nullptr)
    return;
  const ExperienceParameters& parameters = run.parameters;
  if (parameters.step_pages.empty() && parameters.step_actions.empty()) return;
  const Vocabulary& words = run.vocabulary();
  const ColumnView* page = web->find("page");
  const ColumnView* action = web->find("action");
  const std::vector<int32_t> page_step =
      steps_of(page, parameters.step_pages, words);
  const std::vector<int32_t> action_step =
      steps_of(action, parameters.step_actions, words);
  const ColumnView& device = sessions->column("device");
  const std::vector<int32_t> channel_of_device =
      Vocabulary::codes(&device, [&](std::string_view d) {
        return words.channel(d == "app" ? "app" : "web");
      });
  const int32_t web_channel = words.channel("web");
  const ColumnView& started = sessions->column("started_at");
  const ColumnView& first = sessions->column("first_event");
  const ColumnView& events = sessions->column("events");
  const ColumnView& event = session_events->column("event");

  // The last session that counted at each step: a session counts once a
  // step however many of its events map to it.
  std::vector<int64_t> counted_by(static_cast<size_t>(words.step_count()), -1);
  for (int64_t s = 0; s < sessions->rows(); ++s) {
    if (!started.is_valid(s) ||
        periods.index(started.ints()[s]) != run.current())
      continue;
    const int32_t d = code_at(device, s);
    const int32_t channel =
        d < 0 ? web_channel : channel_of_device[static_cast<size_t>(d)];
    const int64_t from = first.ints()[s];
    const int64_t to = from + events.ints()[s];
    if (from < 0 || to > event.size())
      throw std::runtime_error("session " + std::to_string(s) +
                               " has events outside session_events");
    for (int64_t e = from; e < to; ++e) {
      const int64_t row = event.ints()[e];
      if (row < 0 || row >= web->rows())
        throw std::runtime_error("session_events row " + std::to_string(e) +
                                 " is not a row of web_events");
      for (int32_t step :
           {page == nullptr ? -1 : mapped(page_step, code_at(*page, row)),
            action == nullptr ? -1
                              : mapped(action_step, code_at(*action, row))}) {
        if (step < 0 || counted_by[static_cast<size_t>(step)] == s) continue;
        counted_by[static_cast<size_t>(step)] = s;
        ++volume[static_cast<size_t>(words.cell(step, channel))];
      }
    }
  }
}

void count_calls(Run& run, const PeriodIndex& periods,
                 std::vector<int64_t>& volume) {
  const TableView* calls = run.request.dataset("calls");
  const ColumnView* started = Run::column(calls, "started_at");
  const ColumnView* reason = Run::column(calls, "reason");
  if (started == nullptr || reason == nullptr) return;
  const Vocabulary& words = run.vocabulary();
  const std::vector<int32_t> reason_step =
      steps_of(reason, run.parameters.step_call_reasons, words);
  const ColumnView* direction = Run::column(calls, "direction");
  const int32_t phone = words.channel(kCallChannel);
  for (int64_t row = 0; row < calls->rows(); ++row) {
    if (!started->is_valid(row) ||
        periods.index(started->ints()[row]) != run.current())
      continue;
    if (direction != nullptr && direction->is_valid(row) &&
        direction->string_at(row) != "inbound")
      continue;
    const int32_t step = mapped(reason_step, code_at(*reason, row));
    if (step >= 0) ++volume[static_cast<size_t>(words.cell(step, phone))];
  }
}

void count_purchases(Run& run, const PeriodIndex& periods,
                     std::vector<int64_t>& volume) {
  const TableView* orders = run.request.dataset("orders");
  const ColumnView* channel = Run::column(orders, "channel");
  if (channel == nullptr) return;
  const Vocabulary& words = run.vocabulary();
  const std::vector<int32_t> channel_step =
      steps_of(channel, run.parameters.step_order_channels, words);
  const std::vector<int32_t> channel_index = Vocabulary::codes(
      channel, [&](std::string_view c) { return words.channel(c); });
  const ColumnView& ordered_at = orders->column("ordered_at");
  const GroupKeys keys = GroupKeys::by_code(orders->column("order_id"));
  Sum total(keys.group_count(), orders->column("amount"));
  MinMax time(keys.group_count(), ordered_at);
  FirstCode first_channel(keys.group_count(), ordered_at, *channel);
  aggregate(keys, total, time, first_channel);
  for (int32_t order = 0; order < keys.group_count(); ++order) {
    const auto at = time.min(order);
    const int32_t code = first_channel[order];
    if (!at || code < 0 || total[order].wide() <= 0 ||
        periods.index(*at) != run.current())
      continue;
    const int32_t step = channel_step[static_cast<size_t>(code)];
    if (step >= 0 && channel_index[static_cast<size_t>(code)] >= 0)
      ++volume[static_cast<size_t>(
          words.cell(step, channel_index[static_cast<size_t>(code)]))];
  }
}

}  // namespace

std::vector<int64_t> touchpoint_volume(Run& run) {
  const PeriodIndex periods(run.request.periods);
  std::vector<int64_t> volume(
      static_cast<size_t>(run.vocabulary().cell_count()), 0);
  count_sessions(run, periods, volume);
  count_calls(run, periods, volume);
  count_purchases(run, periods, volume);
  return volume;
}

}  // namespace vigie::experience
