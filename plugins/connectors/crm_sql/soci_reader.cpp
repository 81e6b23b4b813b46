// Rows are handed over `batch_rows` at a time and a table is never held
// whole: PostgreSQL's client library would load a whole result before the
// first row, so there the rows come through a server-side cursor,
// `batch_rows` at a time; other backends step through the result row by
// row.
#include "soci_reader.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "row_text.hpp"
#include "sqlite_file.hpp"

namespace vigie::crm_sql {
namespace {

using Clock = std::chrono::steady_clock;

// SQLite has no statement time-out: a progress handler, called every few
// thousand virtual-machine steps, interrupts the statement once the
// deadline has passed.
int past_deadline(void* deadline) {
  return Clock::now() > *static_cast<Clock::time_point*>(deadline) ? 1 : 0;
}

class SociReader : public vigie::sdk::BatchReader {
 public:
  explicit SociReader(const Source& source) : source_(source) {
    // Outside the try below: a missing file is no connection failure.
    const std::string connect = read_only_sqlite(source_.connect);
    try {
      session_ = std::make_unique<soci::session>(connect);
    } catch (const std::exception& e) {
      throw_connect_failure(source_, e.what());
    }
    started_ = Clock::now();
    guarded("run", [&] {
      limit_session();
      if (source_.backend == "postgresql") {
        session_->begin();  // a cursor lives in a transaction
        *session_ << "DECLARE vigie_rows NO SCROLL CURSOR FOR " + source_.sql;
        start(fetch_sql_ = "FETCH FORWARD " +
                           std::to_string(source_.batch_rows) +
                           " FROM vigie_rows");
      } else {
        start(source_.sql);
      }
    });
    for (size_t i = 0; i < row_->size(); ++i) {
      std::string name = row_->get_properties(i).get_name();
      check_result_column(source_, name);
      columns_.push_back(std::move(name));
    }
  }

  std::vector<vigie::sdk::Field> schema() override {
    return result_schema(columns_);
  }

  std::optional<vigie::Table> next() override {
    if (!has_row_) return std::nullopt;
    vigie::Table batch = empty_batch(columns_);
    auto& line = batch.columns.back();
    for (size_t n = 0; has_row_ && n < source_.batch_rows; ++n) {
      for (size_t c = 0; c < columns_.size(); ++c) {
        auto text = guarded("read", [&] { return value_text(*row_, c); });
        if (text)
          batch.columns[c].push_string(*text);
        else
          batch.columns[c].push_null();
      }
      line.push_int(++rows_read_);
      guarded("read", [&] { advance(); });
    }
    return batch;
  }

 private:
  // Runs a database step; a failure names the table or query, and says
  // when the time-out stopped it (SQLite only says "interrupted").
  template <class Fn>
  std::invoke_result_t<Fn> guarded(const char* step, Fn&& fn) {
    try {
      return fn();
    } catch (const std::exception& e) {
      std::string reason = e.what();
      if (source_.timeout_seconds > 0 &&
          Clock::now() - started_ >=
              std::chrono::seconds(source_.timeout_seconds))
        reason = "stopped by the time-out of " +
                 std::to_string(source_.timeout_seconds) + " s (" + reason +
                 ")";
      throw step_failure(source_, step, reason);
    }
  }

  // The session never writes and no statement runs past the time-out, each
  // enforced by the database itself (the SQLite file is opened read-only
  // by read_only_sqlite).
  void limit_session() {
    if (source_.backend == "postgresql") {
      *session_ << "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
      if (source_.timeout_seconds > 0)
        *session_ << "SET statement_timeout = " +
                         std::to_string(source_.timeout_seconds * 1000);
    } else if (source_.backend == "sqlite3" && source_.timeout_seconds > 0) {
      // A static_cast, the backend being named: libsoci_sqlite3 exports no
      // typeinfo for a dynamic_cast.
      auto* backend =
          static_cast<soci::sqlite3_session_backend*>(session_->get_backend());
      {
        deadline_ = started_ + std::chrono::seconds(source_.timeout_seconds);
        sqlite_api::sqlite3_progress_handler(backend->conn_, 10000,
                                             past_deadline, &deadline_);
      }
    }
  }

  // Runs `sql` and reads its first row.
  void start(const std::string& sql) {
    row_ = std::make_unique<soci::row>();
    statement_ = std::make_unique<soci::statement>(
        (session_->prepare << sql, soci::into(*row_)));
    has_row_ = statement_->execute(true);
    rows_in_step_ = has_row_ ? 1 : 0;
  }

  // The next row; with a cursor, a full step means there may be more.
  void advance() {
    has_row_ = statement_->fetch();
    if (has_row_) {
      ++rows_in_step_;
    } else if (!fetch_sql_.empty() && rows_in_step_ == source_.batch_rows) {
      start(fetch_sql_);
    }
  }

  Source source_;
  std::unique_ptr<soci::session> session_;
  std::unique_ptr<soci::row> row_;
  std::unique_ptr<soci::statement> statement_;
  std::string fetch_sql_;
  size_t rows_in_step_ = 0;
  std::vector<std::string> columns_;
  bool has_row_ = false;
  int64_t rows_read_ = 0;
  Clock::time_point started_;
  Clock::time_point deadline_;
};

}  // namespace

std::unique_ptr<vigie::sdk::BatchReader> open_soci_reader(
    const Source& source) {
  return std::make_unique<SociReader>(source);
}

}  // namespace vigie::crm_sql
