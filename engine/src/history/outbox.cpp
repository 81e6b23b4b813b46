#include "history/outbox.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <array>

#include "history/select_rows.hpp"
#include "secrets/redactor.hpp"

namespace vigie::history {
namespace {

constexpr std::array<std::string_view, 4> kStatusNames = {
    "pending", "delivered", "failed", "expired"};

constexpr std::string_view kColumns =
    "run_id, instance, recipient, report_id, slot, report_dir, message_id, "
    "status, attempts, last_code, last_reply, note, next_attempt_at, "
    "deadline, created_at, updated_at";

struct DeliveryRow {
  Delivery record;
  std::string status;
  soci::indicator code_ind{}, reply_ind{}, note_ind{};

  void bind(soci::statement& st) {
    st.exchange(soci::into(record.key.run_id));
    st.exchange(soci::into(record.key.instance));
    st.exchange(soci::into(record.key.recipient));
    st.exchange(soci::into(record.report_id));
    st.exchange(soci::into(record.slot));
    st.exchange(soci::into(record.report_dir));
    st.exchange(soci::into(record.message_id));
    st.exchange(soci::into(status));
    st.exchange(soci::into(record.attempts));
    st.exchange(soci::into(record.last_code, code_ind));
    st.exchange(soci::into(record.last_reply, reply_ind));
    st.exchange(soci::into(record.note, note_ind));
    st.exchange(soci::into(record.next_attempt_at));
    st.exchange(soci::into(record.deadline));
    st.exchange(soci::into(record.created_at));
    st.exchange(soci::into(record.updated_at));
  }

  Delivery take() {
    Delivery out = record;
    out.status = delivery_status(status);
    if (code_ind == soci::i_null) out.last_code = 0;
    if (reply_ind == soci::i_null) out.last_reply.clear();
    if (note_ind == soci::i_null) out.note.clear();
    return out;
  }
};

}  // namespace

std::string_view status_name(DeliveryStatus status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}

DeliveryStatus delivery_status(std::string_view name) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == name) return static_cast<DeliveryStatus>(i);
  throw StateError(
      fmt::format("unknown delivery status '{}' in the state "
                  "database",
                  name));
}

void Outbox::enqueue(const std::string& report_id, const std::string& slot,
                     const std::string& run_id,
                     const std::vector<NewDelivery>& deliveries, Seconds now,
                     Seconds deadline) {
  try {
    auto& sql = store_.sql();
    const std::string pending(status_name(DeliveryStatus::Pending));
    soci::transaction tx(sql);
    for (const auto& d : deliveries) {
      sql << "INSERT INTO vigie_deliveries (run_id, instance, recipient, "
             "report_id, slot, report_dir, message_id, status, attempts, "
             "next_attempt_at, deadline, created_at, updated_at) VALUES (:id, "
             ":i, :to, :r, :s, :d, :m, :st, 0, :na, :dl, :n, :n2) "
             "ON CONFLICT (run_id, instance, recipient) DO NOTHING",
          soci::use(run_id), soci::use(d.instance), soci::use(d.recipient),
          soci::use(report_id), soci::use(slot), soci::use(d.report_dir),
          soci::use(d.message_id), soci::use(pending), soci::use(now),
          soci::use(deadline), soci::use(now), soci::use(now);
    }
    tx.commit();
  } catch (const std::exception& e) {
    throw store_.failure("write the outbox", e);
  }
}

std::vector<Delivery> Outbox::claim_due(const std::string& owner, Seconds now,
                                        Seconds lease, int limit) {
  try {
    const std::string pending(status_name(DeliveryStatus::Pending));
    std::vector<Delivery> candidates = select_rows<DeliveryRow>(
        store_,
        fmt::format("SELECT {} FROM vigie_deliveries WHERE status = :st AND "
                    "next_attempt_at <= :n AND (lease_until IS NULL OR "
                    "lease_until < :n2) ORDER BY next_attempt_at, created_at "
                    "LIMIT {}",
                    kColumns, limit),
        [&](soci::statement& st) {
          st.exchange(soci::use(pending));
          st.exchange(soci::use(now));
          st.exchange(soci::use(now));
        });
    std::vector<Delivery> claimed;
    const Seconds until = now + lease;
    for (auto& d : candidates) {
      // The condition again in the UPDATE: another scheduler may have
      // claimed it since the SELECT.
      soci::statement take =
          (store_.sql().prepare
               << "UPDATE vigie_deliveries SET lease_owner = :o, lease_until "
                  "= :u, attempts = attempts + 1, updated_at = :n WHERE "
                  "run_id = :id AND instance = :i AND recipient = :to AND "
                  "status = :st AND (lease_until IS NULL OR lease_until < "
                  ":n2)",
           soci::use(owner), soci::use(until), soci::use(now),
           soci::use(d.key.run_id), soci::use(d.key.instance),
           soci::use(d.key.recipient), soci::use(pending), soci::use(now));
      take.execute(true);
      if (take.get_affected_rows() != 1) continue;
      ++d.attempts;
      claimed.push_back(std::move(d));
    }
    return claimed;
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw store_.failure("claim deliveries", e);
  }
}

void Outbox::record(const DeliveryKey& key, const std::string& owner,
                    DeliveryStatus status, int code, const std::string& reply,
                    const std::string& note, Seconds next_attempt_at,
                    Seconds now) {
  try {
    const std::string name(status_name(status));
    // A server's reply may quote what it was sent; never a secret.
    const std::string reply_text = secrets::redact(reply);
    soci::indicator code_ind = code == 0 ? soci::i_null : soci::i_ok;
    soci::indicator reply_ind = reply.empty() ? soci::i_null : soci::i_ok;
    soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
    soci::statement st =
        (store_.sql().prepare
             << "UPDATE vigie_deliveries SET status = :st, last_code = :c, "
                "last_reply = :rp, note = :nt, next_attempt_at = :na, "
                "lease_owner = NULL, lease_until = NULL, updated_at = :n "
                "WHERE run_id = :id AND instance = :i AND recipient = :to AND "
                "lease_owner = :o",
         soci::use(name), soci::use(code, code_ind),
         soci::use(reply_text, reply_ind), soci::use(note, note_ind),
         soci::use(next_attempt_at), soci::use(now), soci::use(key.run_id),
         soci::use(key.instance), soci::use(key.recipient), soci::use(owner));
    st.execute(true);
    if (st.get_affected_rows() != 1)
      throw StateError(fmt::format(
          "state database {}: the delivery of run {} to {} is no longer "
          "leased to this scheduler (its lease expired and another one "
          "took it): the outcome of this attempt is not recorded",
          store_.name(), key.run_id, key.recipient));
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw store_.failure("record a delivery", e);
  }
}

void Outbox::delivered(const DeliveryKey& key, const std::string& owner,
                       int code, const std::string& reply,
                       const std::string& note, Seconds now) {
  record(key, owner, DeliveryStatus::Delivered, code, reply, note, now, now);
}

void Outbox::failed(const DeliveryKey& key, const std::string& owner, int code,
                    const std::string& reply, const std::string& note,
                    Seconds now) {
  record(key, owner, DeliveryStatus::Failed, code, reply, note, now, now);
}

void Outbox::retry_later(const DeliveryKey& key, const std::string& owner,
                         int code, const std::string& reply,
                         const std::string& note, Seconds next_attempt_at,
                         Seconds now) {
  // The deadline is read in the same statement's row: past it, expired.
  Seconds deadline = 0;
  try {
    store_.sql() << "SELECT deadline FROM vigie_deliveries WHERE run_id = :id "
                    "AND instance = :i AND recipient = :to",
        soci::into(deadline), soci::use(key.run_id), soci::use(key.instance),
        soci::use(key.recipient);
  } catch (const std::exception& e) {
    throw store_.failure("read a delivery's deadline", e);
  }
  const bool expired = next_attempt_at > deadline;
  record(key, owner,
         expired ? DeliveryStatus::Expired : DeliveryStatus::Pending, code,
         reply, note, next_attempt_at, now);
}

std::vector<Delivery> Outbox::list(const DeliveryFilter& filter) {
  try {
    std::string where;
    auto add = [&where](std::string_view condition) {
      where += (where.empty() ? "WHERE " : " AND ");
      where += condition;
    };
    if (!filter.report_id.empty()) add("report_id = :r");
    if (!filter.run_id.empty()) add("run_id = :id");
    const std::string failed(status_name(DeliveryStatus::Failed));
    const std::string expired(status_name(DeliveryStatus::Expired));
    if (filter.failed_only) add("status IN (:f, :e)");
    return select_rows<DeliveryRow>(
        store_,
        fmt::format("SELECT {} FROM vigie_deliveries {} ORDER BY created_at, "
                    "run_id, instance, recipient LIMIT {}",
                    kColumns, where, filter.limit),
        [&](soci::statement& st) {
          if (!filter.report_id.empty())
            st.exchange(soci::use(filter.report_id));
          if (!filter.run_id.empty()) st.exchange(soci::use(filter.run_id));
          if (filter.failed_only) {
            st.exchange(soci::use(failed));
            st.exchange(soci::use(expired));
          }
        });
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw store_.failure("list the deliveries", e);
  }
}

}  // namespace vigie::history
