#include "self_care_datasets.hpp"

#include <stdexcept>
#include <string>
#include <unordered_map>

namespace vigie::self_care {

namespace {

// A column of the dataset, or null when the table the run lent has none: the
// engine lends only the columns the asked KPIs declare, so a column absent
// here is one no asked KPI needs. A column a KPI needs is asked for through
// an accessor, which names it when it is missing (required()).
const ColumnView* typed_column(const TableView& table, std::string_view dataset,
                               std::string_view name, Type type) {
  const ColumnView* column = table.find(name);
  if (column != nullptr && column->type() != type)
    throw std::runtime_error(std::string(dataset) + "." + std::string(name) +
                             " is " + type_name(column->type()) + ", not " +
                             type_name(type));
  return column;
}

const ColumnView* text_column(const TableView& table, std::string_view dataset,
                              std::string_view name) {
  return typed_column(table, dataset, name, Type::Dictionary);
}

// One flag a dictionary code: does the code spell `text`?
std::vector<uint8_t> codes_spelling(const ColumnView* column,
                                    std::string_view text) {
  std::vector<uint8_t> flags;
  if (column == nullptr) return flags;
  flags.resize(static_cast<size_t>(column->dictionary_size()));
  for (size_t code = 0; code < flags.size(); ++code)
    flags[code] = column->dictionary_at(static_cast<int32_t>(code)) == text;
  return flags;
}

// The index of the table action each dictionary code spells, or kNoAction.
std::vector<int32_t> codes_to_actions(const ColumnView* column,
                                      const SelfCareParameters& parameters) {
  std::vector<int32_t> actions;
  if (column == nullptr) return actions;
  std::unordered_map<std::string_view, int32_t> index;
  for (size_t a = 0; a < parameters.actions.size(); ++a)
    index.emplace(parameters.actions[a].code, static_cast<int32_t>(a));
  actions.resize(static_cast<size_t>(column->dictionary_size()), kNoAction);
  for (size_t code = 0; code < actions.size(); ++code) {
    auto it = index.find(column->dictionary_at(static_cast<int32_t>(code)));
    if (it != index.end()) actions[code] = it->second;
  }
  return actions;
}

}  // namespace

WebEvents::WebEvents(const TableView& table,
                     const SelfCareParameters& parameters)
    : ts_(typed_column(table, "web_events", "ts", Type::Timestamp)),
      visitor_(text_column(table, "web_events", "visitor_id")),
      event_type_(text_column(table, "web_events", "event_type")),
      action_(text_column(table, "web_events", "action")),
      page_(text_column(table, "web_events", "page")),
      is_action_event_(codes_spelling(event_type_, "action")),
      is_page_view_(codes_spelling(event_type_, "page_view")),
      action_of_code_(codes_to_actions(action_, parameters)) {
  if (page_ == nullptr) return;
  // Each distinct page is matched once against the patterns, not each hit.
  const auto pages = static_cast<size_t>(page_->dictionary_size());
  topic_offsets_.assign(pages + 1, 0);
  for (size_t code = 0; code < pages; ++code) {
    std::string_view page = page_->dictionary_at(static_cast<int32_t>(code));
    for (size_t a = 0; a < parameters.actions.size(); ++a) {
      const auto& pattern = parameters.actions[a].topic_pages;
      if (pattern && pattern->matches(page))
        topics_.push_back(static_cast<int32_t>(a));
    }
    topic_offsets_[code + 1] = static_cast<int32_t>(topics_.size());
  }
}

const ColumnView& required(const ColumnView* column, std::string_view dataset,
                           std::string_view name) {
  if (column == nullptr)
    throw std::runtime_error(std::string(dataset) + " has no column '" +
                             std::string(name) + "'");
  return *column;
}

Calls::Calls(const TableView& table, const SelfCareParameters& parameters)
    : started_at_(typed_column(table, "calls", "started_at", Type::Timestamp)),
      customer_(text_column(table, "calls", "customer_id")),
      direction_(text_column(table, "calls", "direction")),
      outcome_(text_column(table, "calls", "outcome")),
      reason_(text_column(table, "calls", "reason")),
      is_inbound_(codes_spelling(direction_, "inbound")),
      is_answered_(codes_spelling(outcome_, "answered")),
      action_of_code_(codes_to_actions(reason_, parameters)) {}

std::string_view Calls::customer_text(int32_t code) const {
  return customer_->dictionary_at(code);
}

}  // namespace vigie::self_care
