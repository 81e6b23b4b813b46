// The columns of `calls` that the call-centre KPIs read, and what their
// dictionary codes mean here (is a direction `inbound`, is an outcome
// `answered` or `abandoned`), translated once so that the passes over the
// calls compare integers only. The engine lends only the columns the asked
// KPIs declare: a column is looked up when a KPI needs it, and named when
// it is missing.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/kernels/periods.hpp"

namespace vigie::call_centre {

class Calls {
 public:
  explicit Calls(const TableView& table) : table_(table) {}

  const ColumnView& started_at() const;
  // Optional columns: null when the dataset has none.
  const ColumnView* customers() const { return text("customer_id"); }
  const ColumnView* reasons() const { return text("reason"); }
  const ColumnView* queues() const { return text("queue"); }
  const ColumnView* waits() const { return integer("wait_s"); }
  const ColumnView* handles() const { return integer("handle_s"); }
  int64_t rows() const { return table_.rows(); }

  // Whether a call is inbound: unless its direction says otherwise, so no
  // direction column, or a null direction, is inbound (DATA-MODEL.md); any
  // word but `inbound` (outbound, a connector's own) is not.
  struct Directions {
    const ColumnView* column;  // null: every call is inbound
    std::vector<uint8_t> inbound;
    bool is_inbound(int64_t row) const {
      return column == nullptr || !column->is_valid(row) ||
             inbound[static_cast<size_t>(column->codes()[row])];
    }
  };
  Directions directions() const;

  // The period of each inbound call (kNone: outbound, or started out of
  // every period).
  std::vector<int32_t> inbound_periods(
      const sdk::kernels::PeriodIndex& periods) const;

  // One flag a code of calls.outcome: answered, abandoned. An outcome that
  // is neither (a connector's own word) counts in offered only.
  struct Outcomes {
    const ColumnView* column;
    std::vector<uint8_t> answered, abandoned;
    bool is_answered(int64_t row) const {
      return column->is_valid(row) &&
             answered[static_cast<size_t>(column->codes()[row])];
    }
    bool is_abandoned(int64_t row) const {
      return column->is_valid(row) &&
             abandoned[static_cast<size_t>(column->codes()[row])];
    }
  };
  Outcomes outcomes() const;

 private:
  const ColumnView* text(std::string_view name) const;
  const ColumnView* integer(std::string_view name) const;

  const TableView& table_;
};

}  // namespace vigie::call_centre
