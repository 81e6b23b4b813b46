// The columns of web_events and calls that self-care reads. Each dictionary
// is translated once into what its codes mean here (which action of the
// cost table a code spells, whether an event type is `action`), so that the
// loops over a million rows compare integers only.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "self_care_parameters.hpp"
#include "vigie/sdk/arrow_view.hpp"

namespace vigie::self_care {

inline constexpr int32_t kNoAction = -1;    // not an action of the table
inline constexpr int32_t kNoCustomer = -1;  // anonymous row

class WebEvents {
 public:
  WebEvents(const TableView& table, const SelfCareParameters& parameters);

  int64_t rows() const { return rows_; }
  bool has_time(int64_t row) const { return ts_->is_valid(row); }
  int64_t time(int64_t row) const { return times_[row]; }
  int32_t customer(int64_t row) const;
  // The table action of an `action` event, or kNoAction.
  int32_t online_action(int64_t row) const;
  // The actions whose topic the event is on: an `action` event's own action,
  // or the actions whose topic pages match a page_view's page.
  template <class Visit>
  void for_each_topic(int64_t row, Visit&& visit) const {
    int32_t action = online_action(row);
    if (action != kNoAction) visit(action);
    if (page_ == nullptr || !page_->is_valid(row) ||
        !event_type_->is_valid(row))
      return;
    if (!is_page_view_[static_cast<size_t>(event_types_[row])]) return;
    for (int32_t topic : topics_of_page_[static_cast<size_t>(pages_[row])])
      visit(topic);
  }
  // The text of a customer code (the codes are shared by every dataset).
  std::string_view customer_text(int32_t code) const;

 private:
  int64_t rows_;
  const ColumnView* ts_;
  const int64_t* times_;
  const ColumnView* customer_;  // optional column
  const ColumnView* event_type_;
  const int32_t* event_types_;
  const ColumnView* action_;  // optional column
  const ColumnView* page_;    // optional column
  const int32_t* pages_ = nullptr;
  std::vector<uint8_t> is_action_event_;              // by event_type code
  std::vector<uint8_t> is_page_view_;                 // by event_type code
  std::vector<int32_t> action_of_code_;               // by action code
  std::vector<std::vector<int32_t>> topics_of_page_;  // by page code
};

class Calls {
 public:
  Calls(const TableView& table, const SelfCareParameters& parameters);

  int64_t rows() const { return rows_; }
  bool has_time(int64_t row) const { return started_at_->is_valid(row); }
  int64_t time(int64_t row) const { return times_[row]; }
  int32_t customer(int64_t row) const;
  // Inbound unless the direction says otherwise (absent means inbound).
  bool inbound(int64_t row) const;
  bool answered(int64_t row) const;
  // The table action the call's reason spells, or kNoAction.
  int32_t reason_action(int64_t row) const;

 private:
  int64_t rows_;
  const ColumnView* started_at_;
  const int64_t* times_;
  const ColumnView* customer_;   // optional column
  const ColumnView* direction_;  // optional column
  const ColumnView* outcome_;
  const ColumnView* reason_;             // optional column
  std::vector<uint8_t> is_inbound_;      // by direction code
  std::vector<uint8_t> is_answered_;     // by outcome code
  std::vector<int32_t> action_of_code_;  // by reason code
};

}  // namespace vigie::self_care
