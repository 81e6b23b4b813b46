// The outbox: one row a (run, burst instance, recipient), written before
// the first attempt to send and marked delivered only on the server's
// final 2xx. A crash or an outage leaves the row pending, and a later pass
// (this scheduler's or another's) sends it; a 5xx marks it failed with the
// server's reply; a 4xx is tried again until its deadline.
#pragma once

#include <string>
#include <vector>

#include "history/state_store.hpp"

namespace vigie::history {

// expired: transient failures until the deadline passed.
enum class DeliveryStatus { Pending, Delivered, Failed, Expired };

std::string_view status_name(DeliveryStatus status);
DeliveryStatus delivery_status(std::string_view name);

struct DeliveryKey {
  std::string run_id;
  std::string instance;  // the burst value; empty for a report not burst
  std::string recipient;
};

struct Delivery {
  DeliveryKey key;
  std::string report_id;
  std::string slot;
  std::string report_dir;  // the folder of this instance's report
  std::string message_id;  // the same for every attempt
  DeliveryStatus status = DeliveryStatus::Pending;
  int attempts = 0;
  int last_code = 0;  // the server's last reply code; 0 when none
  std::string last_reply;
  std::string note;  // e.g. why the PDF went as a link
  Seconds next_attempt_at = 0;
  Seconds deadline = 0;
  Seconds created_at = 0;
  Seconds updated_at = 0;
};

struct NewDelivery {
  std::string instance;
  std::string recipient;
  std::string report_dir;
  std::string message_id;
};

// What `list` returns.
struct DeliveryFilter {
  std::string report_id;     // empty: every report
  std::string run_id;        // empty: every run
  bool failed_only = false;  // failed or expired
  int limit = 1000;
};

class Outbox {
 public:
  explicit Outbox(StateStore& store) : store_(store) {}

  // Adds the deliveries not yet in the outbox, all or none: enqueueing a
  // run again (resumed after a crash) adds nothing twice.
  void enqueue(const std::string& report_id, const std::string& slot,
               const std::string& run_id,
               const std::vector<NewDelivery>& deliveries, Seconds now,
               Seconds deadline);

  // Up to `limit` pending deliveries due at `now`, each now leased to
  // `owner` (its attempt counted): two schedulers never send one at once.
  std::vector<Delivery> claim_due(const std::string& owner, Seconds now,
                                  Seconds lease, int limit);

  // The outcome of an attempt, written by the lease's owner only.
  void delivered(const DeliveryKey& key, const std::string& owner, int code,
                 const std::string& reply, const std::string& note,
                 Seconds now);
  void failed(const DeliveryKey& key, const std::string& owner, int code,
              const std::string& reply, const std::string& note, Seconds now);
  // Pending again at next_attempt_at; expired instead when that is past
  // the deadline.
  void retry_later(const DeliveryKey& key, const std::string& owner, int code,
                   const std::string& reply, const std::string& note,
                   Seconds next_attempt_at, Seconds now);

  // Oldest first.
  std::vector<Delivery> list(const DeliveryFilter& filter);

 private:
  void record(const DeliveryKey& key, const std::string& owner,
              DeliveryStatus status, int code, const std::string& reply,
              const std::string& note, Seconds next_attempt_at, Seconds now);

  StateStore& store_;
};

}  // namespace vigie::history
