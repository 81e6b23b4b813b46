#include "history/runs.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <array>

#include "history/select_rows.hpp"
#include "secrets/redactor.hpp"

namespace vigie::history {
namespace {

constexpr std::array<std::string_view, 5> kStatusNames = {
    "running", "waiting", "succeeded", "failed", "abandoned"};

constexpr std::string_view kColumns =
    "report_id, slot, slot_at, run_id, period, status, attempts, "
    "lease_owner, lease_until, next_attempt_at, report_dir, error, note, "
    "created_at, updated_at";

// One row of vigie_runs, read through indicators: most columns may be
// NULL while a run is under way.
struct RunRow {
  RunRecord record;
  std::string status;
  soci::indicator owner_ind{}, lease_ind{}, next_ind{}, dir_ind{}, error_ind{},
      note_ind{};

  void bind(soci::statement& st) {
    st.exchange(soci::into(record.key.report_id));
    st.exchange(soci::into(record.key.slot));
    st.exchange(soci::into(record.key.slot_at));
    st.exchange(soci::into(record.run_id));
    st.exchange(soci::into(record.period));
    st.exchange(soci::into(status));
    st.exchange(soci::into(record.attempts));
    st.exchange(soci::into(record.lease_owner, owner_ind));
    st.exchange(soci::into(record.lease_until, lease_ind));
    st.exchange(soci::into(record.next_attempt_at, next_ind));
    st.exchange(soci::into(record.report_dir, dir_ind));
    st.exchange(soci::into(record.error, error_ind));
    st.exchange(soci::into(record.note, note_ind));
    st.exchange(soci::into(record.created_at));
    st.exchange(soci::into(record.updated_at));
  }

  RunRecord take() {
    RunRecord out = record;
    out.status = run_status(status);
    if (owner_ind == soci::i_null) out.lease_owner.clear();
    if (lease_ind == soci::i_null) out.lease_until = 0;
    if (next_ind == soci::i_null) out.next_attempt_at = 0;
    if (dir_ind == soci::i_null) out.report_dir.clear();
    if (error_ind == soci::i_null) out.error.clear();
    if (note_ind == soci::i_null) out.note.clear();
    return out;
  }
};

// SELECT the runs matching `query` (the clauses after FROM vigie_runs).
template <typename BindUses>
std::vector<RunRecord> select_runs(StateStore& store, const std::string& query,
                                   BindUses bind_uses) {
  return select_rows<RunRow>(
      store, fmt::format("SELECT {} FROM vigie_runs {}", kColumns, query),
      bind_uses);
}

}  // namespace

std::string_view status_name(RunStatus status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}

RunStatus run_status(std::string_view name) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == name) return static_cast<RunStatus>(i);
  throw StateError(
      fmt::format("unknown run status '{}' in the state "
                  "database",
                  name));
}

std::optional<Claim> Runs::claim(const SlotKey& key, const std::string& period,
                                 const std::string& run_id,
                                 const std::string& owner, Seconds now,
                                 Seconds lease) {
  try {
    auto& sql = store_.sql();
    const Seconds until = now + lease;
    const std::string running(status_name(RunStatus::Running));
    // A new slot: the primary key lets one INSERT through, whichever
    // scheduler comes first.
    soci::statement insert =
        (sql.prepare << "INSERT INTO vigie_runs (report_id, slot, slot_at, "
                        "run_id, period, status, attempts, lease_owner, "
                        "lease_until, created_at, updated_at) VALUES (:r, :s, "
                        ":at, :id, :p, :st, 1, :o, :u, :n, :n2) "
                        "ON CONFLICT (report_id, slot) DO NOTHING",
         soci::use(key.report_id), soci::use(key.slot), soci::use(key.slot_at),
         soci::use(run_id), soci::use(period), soci::use(running),
         soci::use(owner), soci::use(until), soci::use(now), soci::use(now));
    insert.execute(true);
    if (insert.get_affected_rows() == 1) return Claim{run_id, 1};
    // An existing slot is taken over only when nobody can be working on
    // it: its lease expired, or it waits (or was abandoned) and its time
    // has come. The condition is in the UPDATE itself, so that two
    // schedulers cannot both see it true.
    const std::string waiting(status_name(RunStatus::Waiting));
    const std::string abandoned(status_name(RunStatus::Abandoned));
    soci::statement take =
        (sql.prepare << "UPDATE vigie_runs SET status = :st, attempts = "
                        "attempts + 1, lease_owner = :o, lease_until = :u, "
                        "updated_at = :n WHERE report_id = :r AND slot = :s "
                        "AND ((status = :st2 AND lease_until < :n2) OR "
                        "(status IN (:w, :a) AND next_attempt_at <= :n3))",
         soci::use(running), soci::use(owner), soci::use(until), soci::use(now),
         soci::use(key.report_id), soci::use(key.slot), soci::use(running),
         soci::use(now), soci::use(waiting), soci::use(abandoned),
         soci::use(now));
    take.execute(true);
    if (take.get_affected_rows() != 1) return std::nullopt;
    auto record = find(key.report_id, key.slot);
    if (!record || record->lease_owner != owner) return std::nullopt;
    return Claim{record->run_id, record->attempts};
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw store_.failure(fmt::format("claim {} {}", key.report_id, key.slot),
                         e);
  }
}

bool Runs::renew(const SlotKey& key, const std::string& owner, Seconds until) {
  try {
    const std::string running(status_name(RunStatus::Running));
    soci::statement st =
        (store_.sql().prepare
             << "UPDATE vigie_runs SET lease_until = :u WHERE report_id = :r "
                "AND slot = :s AND status = :st AND lease_owner = :o",
         soci::use(until), soci::use(key.report_id), soci::use(key.slot),
         soci::use(running), soci::use(owner));
    st.execute(true);
    return st.get_affected_rows() == 1;
  } catch (const std::exception& e) {
    throw store_.failure("renew a lease", e);
  }
}

bool Runs::finish(const SlotKey& key, const std::string& owner,
                  RunStatus status, const std::string& report_dir,
                  const std::string& error, const std::string& note,
                  Seconds next_attempt_at, Seconds now) {
  try {
    const std::string running(status_name(RunStatus::Running));
    const std::string next(status_name(status));
    // Never a secret in the history: it is printed by `vigie history`.
    const std::string error_text = secrets::redact(error);
    soci::indicator dir_ind = report_dir.empty() ? soci::i_null : soci::i_ok;
    soci::indicator error_ind = error.empty() ? soci::i_null : soci::i_ok;
    soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
    soci::indicator next_ind = next_attempt_at == 0 ? soci::i_null : soci::i_ok;
    soci::statement st =
        (store_.sql().prepare
             << "UPDATE vigie_runs SET status = :st, lease_owner = NULL, "
                "lease_until = NULL, report_dir = COALESCE(:d, report_dir), "
                "error = :e, note = :nt, next_attempt_at = :na, updated_at = "
                ":n WHERE "
                "report_id = :r AND slot = :s AND status = :run AND "
                "lease_owner = :o",
         soci::use(next), soci::use(report_dir, dir_ind),
         soci::use(error_text, error_ind), soci::use(note, note_ind),
         soci::use(next_attempt_at, next_ind), soci::use(now),
         soci::use(key.report_id), soci::use(key.slot), soci::use(running),
         soci::use(owner));
    st.execute(true);
    return st.get_affected_rows() == 1;
  } catch (const std::exception& e) {
    throw store_.failure("record the end of a run", e);
  }
}

bool Runs::succeed(const SlotKey& key, const std::string& owner,
                   const std::string& report_dir, const std::string& note,
                   Seconds now) {
  return finish(key, owner, RunStatus::Succeeded, report_dir, "", note, 0, now);
}

bool Runs::wait(const SlotKey& key, const std::string& owner,
                const std::string& error, Seconds next_attempt_at,
                Seconds now) {
  return finish(key, owner, RunStatus::Waiting, "", error, "", next_attempt_at,
                now);
}

bool Runs::fail(const SlotKey& key, const std::string& owner,
                const std::string& error, Seconds now) {
  return finish(key, owner, RunStatus::Failed, "", error, "", 0, now);
}

bool Runs::abandon(const SlotKey& key, const std::string& owner,
                   const std::string& reason, Seconds now) {
  // Due again at once: the next scheduler to start runs it.
  return finish(key, owner, RunStatus::Abandoned, "", reason, "", now, now);
}

std::optional<RunRecord> Runs::find(const std::string& report_id,
                                    const std::string& slot) {
  try {
    auto rows = select_runs(store_, "WHERE report_id = :r AND slot = :s",
                            [&](soci::statement& st) {
                              st.exchange(soci::use(report_id));
                              st.exchange(soci::use(slot));
                            });
    if (rows.empty()) return std::nullopt;
    return rows.front();
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw store_.failure("read a run", e);
  }
}

std::optional<Seconds> Runs::last_slot(const std::string& report_id) {
  try {
    Seconds last = 0;
    soci::indicator ind{};
    store_.sql() << "SELECT MAX(slot_at) FROM vigie_runs WHERE report_id = :r",
        soci::into(last, ind), soci::use(report_id);
    if (ind == soci::i_null) return std::nullopt;
    return last;
  } catch (const std::exception& e) {
    throw store_.failure("read the last slot", e);
  }
}

Seconds Runs::first_seen(const std::string& report_id, Seconds now) {
  try {
    auto& sql = store_.sql();
    sql << "INSERT INTO vigie_reports (report_id, first_seen_at) VALUES (:r, "
           ":n) ON CONFLICT (report_id) DO NOTHING",
        soci::use(report_id), soci::use(now);
    Seconds first = now;
    sql << "SELECT first_seen_at FROM vigie_reports WHERE report_id = :r",
        soci::into(first), soci::use(report_id);
    return first;
  } catch (const std::exception& e) {
    throw store_.failure("record when the report was first served", e);
  }
}

Seconds Runs::catch_up_from(const std::string& report_id, Seconds now,
                            Seconds on_time) {
  const Seconds first = first_seen(report_id, now) - on_time;
  const auto last = last_slot(report_id);
  return last && *last > first ? *last : first;
}

std::vector<RunRecord> Runs::list(const std::string& report_id, int limit) {
  try {
    const std::string order =
        fmt::format("ORDER BY slot_at DESC, report_id LIMIT {}", limit);
    if (report_id.empty())
      return select_runs(store_, order, [](soci::statement&) {});
    return select_runs(
        store_, "WHERE report_id = :r " + order,
        [&](soci::statement& st) { st.exchange(soci::use(report_id)); });
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw store_.failure("list the runs", e);
  }
}

std::vector<std::string> Runs::lease_owners() {
  try {
    std::vector<std::string> owners;
    std::string owner;
    soci::statement st =
        (store_.sql().prepare
             << "SELECT lease_owner FROM vigie_runs WHERE lease_owner IS NOT "
                "NULL UNION SELECT lease_owner FROM vigie_deliveries WHERE "
                "lease_owner IS NOT NULL",
         soci::into(owner));
    st.execute(false);
    while (st.fetch()) owners.push_back(owner);
    return owners;
  } catch (const std::exception& e) {
    throw store_.failure("list the lease owners", e);
  }
}

void Runs::expire_leases(const std::string& owner) {
  try {
    soci::transaction tx(store_.sql());
    store_.sql() << "UPDATE vigie_runs SET lease_until = 0 WHERE lease_owner "
                    "= :o",
        soci::use(owner);
    store_.sql() << "UPDATE vigie_deliveries SET lease_until = 0 WHERE "
                    "lease_owner = :o",
        soci::use(owner);
    tx.commit();
  } catch (const std::exception& e) {
    throw store_.failure("expire the leases of " + owner, e);
  }
}

std::vector<RunRecord> Runs::resumable(Seconds now) {
  try {
    const std::string running(status_name(RunStatus::Running));
    const std::string waiting(status_name(RunStatus::Waiting));
    const std::string abandoned(status_name(RunStatus::Abandoned));
    return select_runs(
        store_,
        "WHERE (status = :run AND lease_until < :n) OR (status IN (:w, :a) "
        "AND next_attempt_at <= :n2) ORDER BY slot_at",
        [&](soci::statement& st) {
          st.exchange(soci::use(running));
          st.exchange(soci::use(now));
          st.exchange(soci::use(waiting));
          st.exchange(soci::use(abandoned));
          st.exchange(soci::use(now));
        });
  } catch (const StateError&) {
    throw;
  } catch (const std::exception& e) {
    throw store_.failure("list the runs to resume", e);
  }
}

}  // namespace vigie::history
