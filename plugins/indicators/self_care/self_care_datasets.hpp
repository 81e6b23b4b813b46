// The columns of web_events and calls that self-care reads. Each dictionary
// is translated once into what its codes mean here (which action of the
// cost table a code spells, whether an event type is `action`), so that the
// passes over a million rows compare integers only.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "self_care_parameters.hpp"
#include "vigie/sdk/arrow_view.hpp"

namespace vigie::self_care {

inline constexpr int32_t kNoAction = -1;  // not an action of the table

// *column, or an error naming dataset.name when the run lent no such column.
const ColumnView& required(const ColumnView* column, std::string_view dataset,
                           std::string_view name);

class WebEvents {
 public:
  WebEvents(const TableView& table, const SelfCareParameters& parameters);

  const ColumnView& times() const { return required(ts_, "web_events", "ts"); }
  // web_events.visitor_id (read by the rebound only).
  const ColumnView& visitors() const {
    return required(visitor_, "web_events", "visitor_id");
  }
  // web_events.action (null when the dataset has none), and the table
  // action each of its codes spells (kNoAction: none).
  const ColumnView* actions() const { return action_; }
  int32_t action_of_code(int32_t code) const {
    return action_of_code_[static_cast<size_t>(code)];
  }
  bool is_action(int64_t row) const { return is_type(is_action_event_, row); }
  // The table action of an `action` event, or kNoAction.
  int32_t online_action(int64_t row) const {
    if (action_ == nullptr || !action_->is_valid(row) || !is_action(row))
      return kNoAction;
    return action_of_code_[static_cast<size_t>(action_->codes()[row])];
  }
  // The actions whose topic the event is on: an `action` event's own action,
  // or the actions whose topic pages match a page_view's page.
  template <class Visit>
  void for_each_topic(int64_t row, Visit&& visit) const {
    int32_t action = online_action(row);
    if (action != kNoAction) visit(action);
    if (page_ == nullptr || !page_->is_valid(row) ||
        !is_type(is_page_view_, row))
      return;
    const auto page = static_cast<size_t>(page_->codes()[row]);
    for (int32_t i = topic_offsets_[page]; i < topic_offsets_[page + 1]; ++i)
      visit(topics_[static_cast<size_t>(i)]);
  }

 private:
  bool is_type(const std::vector<uint8_t>& of_code, int64_t row) const {
    const ColumnView& types = required(event_type_, "web_events", "event_type");
    return types.is_valid(row) &&
           of_code[static_cast<size_t>(types.codes()[row])];
  }

  const ColumnView* ts_;
  const ColumnView* visitor_;  // read by the rebound only
  const ColumnView* event_type_;
  const ColumnView* action_;              // optional column
  const ColumnView* page_;                // optional column
  std::vector<uint8_t> is_action_event_;  // by event_type code
  std::vector<uint8_t> is_page_view_;     // by event_type code
  std::vector<int32_t> action_of_code_;   // by action code
  // The topics of page code c: topics_[topic_offsets_[c] .. [c + 1]).
  std::vector<int32_t> topic_offsets_;
  std::vector<int32_t> topics_;
};

class Calls {
 public:
  Calls(const TableView& table, const SelfCareParameters& parameters);

  const ColumnView& times() const {
    return required(started_at_, "calls", "started_at");
  }
  // calls.customer_id and calls.reason (null when the dataset has none).
  const ColumnView* customers() const { return customer_; }
  const ColumnView* reasons() const { return reason_; }
  int32_t action_of_code(int32_t code) const {
    return action_of_code_[static_cast<size_t>(code)];
  }
  // The customer code, or -1 (anonymous).
  int32_t customer(int64_t row) const {
    if (customer_ == nullptr || !customer_->is_valid(row)) return -1;
    return customer_->codes()[row];
  }
  int64_t customer_count() const {
    return customer_ == nullptr ? 0 : customer_->dictionary_size();
  }
  // The text of a customer code that a call carries (a rebounded pair's
  // customer always does).
  std::string_view customer_text(int32_t code) const;
  // Inbound unless the direction says otherwise (absent means inbound).
  bool inbound(int64_t row) const {
    if (direction_ == nullptr || !direction_->is_valid(row)) return true;
    return is_inbound_[static_cast<size_t>(direction_->codes()[row])];
  }
  bool answered(int64_t row) const {
    const ColumnView& outcomes = required(outcome_, "calls", "outcome");
    if (!outcomes.is_valid(row)) return false;
    return is_answered_[static_cast<size_t>(outcomes.codes()[row])];
  }
  // The table action the call's reason spells, or kNoAction.
  int32_t reason_action(int64_t row) const {
    if (reason_ == nullptr || !reason_->is_valid(row)) return kNoAction;
    return action_of_code_[static_cast<size_t>(reason_->codes()[row])];
  }

 private:
  const ColumnView* started_at_;
  const ColumnView* customer_;           // optional column
  const ColumnView* direction_;          // optional column
  const ColumnView* outcome_;            // required by answered()
  const ColumnView* reason_;             // optional column
  std::vector<uint8_t> is_inbound_;      // by direction code
  std::vector<uint8_t> is_answered_;     // by outcome code
  std::vector<int32_t> action_of_code_;  // by reason code
};

}  // namespace vigie::self_care
