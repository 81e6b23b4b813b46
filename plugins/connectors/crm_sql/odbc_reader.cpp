// Why not SOCI's own fetching: SOCI 4.0's odbc backend binds a 100 MiB
// buffer to every column whose driver reports it long (a TEXT column of
// SQLite or PostgreSQL), and the SQLite ODBC driver fills every byte of it
// on every fetch: 20,000 customers took more than five minutes. Here each
// value is fetched with SQLGetData into one buffer that grows to the
// longest value met. SOCI still opens the connection (the connection
// string, the driver manager, its error text), so that an `odbc://` URL
// means the same as everywhere else in SOCI.
//
// Values are fetched as UTF-16 (SQL_C_WCHAR) and written as UTF-8: the
// narrow form (SQL_C_CHAR) is in the process's locale, which is "C" for a
// scheduled run, and drivers then replace every accented letter by '?'.
#include "odbc_reader.hpp"

#include <sql.h>
#include <sqlext.h>

#include <soci/odbc/soci-odbc.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace vigie::crm_sql {
namespace {

bool succeeded(SQLRETURN rc) {
  return rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO;
}

// The driver's diagnostic records of `handle`: "SQLSTATE: message; ...".
std::string diagnostics(SQLSMALLINT type, SQLHANDLE handle) {
  std::string out;
  SQLCHAR state[6];
  SQLCHAR text[1024];
  SQLINTEGER native = 0;
  SQLSMALLINT length = 0;
  for (SQLSMALLINT i = 1; i <= 5; ++i) {
    if (!succeeded(SQLGetDiagRec(type, handle, i, state, &native, text,
                                 sizeof(text), &length)))
      break;
    if (!out.empty()) out += "; ";
    out += std::string(reinterpret_cast<const char*>(state)) + ": " +
           reinterpret_cast<const char*>(text);
  }
  return out.empty() ? "no diagnostic from the driver" : out;
}

// UTF-16 code units (SQLWCHAR, two bytes in unixODBC) as UTF-8; a lone
// surrogate becomes U+FFFD. Written here because the C++ standard library
// deprecated its converters and the plugin links no ICU.
void append_utf8(std::string& out, const SQLWCHAR* text, size_t units) {
  for (size_t i = 0; i < units; ++i) {
    uint32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units && text[i + 1] >= 0xDC00 &&
        text[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
}

class OdbcReader : public vigie::sdk::BatchReader {
 public:
  explicit OdbcReader(const Source& source) : source_(source) {
    try {
      session_ = std::make_unique<soci::session>(source_.connect);
    } catch (const std::exception& e) {
      throw_connect_failure(source_, e.what());
    }
    // A static_cast once the name is checked: libsoci_odbc exports no
    // typeinfo for a dynamic_cast.
    if (session_->get_backend_name() != "odbc")
      throw std::runtime_error("the odbc:// URL did not open an ODBC session");
    auto* backend =
        static_cast<soci::odbc_session_backend*>(session_->get_backend());
    connection_ = backend->hdbc_;
    keep_read_only();
    if (!succeeded(SQLAllocHandle(SQL_HANDLE_STMT, connection_, &statement_)))
      throw step_failure(source_, "run",
                         diagnostics(SQL_HANDLE_DBC, connection_));
    if (source_.timeout_seconds > 0)
      SQLSetStmtAttr(statement_, SQL_ATTR_QUERY_TIMEOUT,
                     reinterpret_cast<SQLPOINTER>(
                         static_cast<SQLULEN>(source_.timeout_seconds)),
                     0);
    std::string sql = source_.sql;
    check("run",
          SQLExecDirect(statement_, reinterpret_cast<SQLCHAR*>(sql.data()),
                        static_cast<SQLINTEGER>(sql.size())));
    SQLSMALLINT count = 0;
    check("run", SQLNumResultCols(statement_, &count));
    for (SQLSMALLINT c = 1; c <= count; ++c) {
      SQLCHAR name[256];
      SQLSMALLINT length = 0;
      SQLSMALLINT type = 0;
      SQLULEN size = 0;
      SQLSMALLINT digits = 0;
      SQLSMALLINT nullable = 0;
      check("run", SQLDescribeCol(statement_, c, name, sizeof(name), &length,
                                  &type, &size, &digits, &nullable));
      std::string column(reinterpret_cast<const char*>(name));
      check_result_column(source_, column);
      columns_.push_back(std::move(column));
    }
    buffer_.resize(4096);
  }

  ~OdbcReader() override {
    if (statement_ != SQL_NULL_HSTMT)
      SQLFreeHandle(SQL_HANDLE_STMT, statement_);
    // Whatever the statement did, nothing of it is kept.
    if (connection_ != SQL_NULL_HDBC)
      SQLEndTran(SQL_HANDLE_DBC, connection_, SQL_ROLLBACK);
  }

  OdbcReader(const OdbcReader&) = delete;
  OdbcReader& operator=(const OdbcReader&) = delete;

  std::vector<vigie::sdk::Field> schema() override {
    return result_schema(columns_);
  }

  std::optional<vigie::Table> next() override {
    if (done_) return std::nullopt;
    vigie::Table batch = empty_batch(columns_);
    auto& line = batch.columns.back();
    size_t rows = 0;
    while (rows < source_.batch_rows) {
      SQLRETURN rc = SQLFetch(statement_);
      if (rc == SQL_NO_DATA) {
        done_ = true;
        break;
      }
      check("read", rc);
      for (size_t c = 0; c < columns_.size(); ++c) {
        if (fetch_value(static_cast<SQLUSMALLINT>(c + 1)))
          batch.columns[c].push_string(value_);
        else
          batch.columns[c].push_null();
      }
      line.push_int(++rows_read_);
      ++rows;
    }
    if (rows == 0) return std::nullopt;
    return batch;
  }

 private:
  // The connection's locks against writing (read_only_query.hpp has the
  // first): ODBC's read-only access mode, a hint that many drivers accept
  // without enforcing; a transaction that is rolled back, never committed
  // (the destructor), for databases with transactions; and for PostgreSQL,
  // whose driver ignores the hint, a READ ONLY session, set while
  // autocommit is still on so that the query's transaction starts read-only.
  void keep_read_only() {
    SQLSetConnectAttr(connection_, SQL_ATTR_ACCESS_MODE,
                      reinterpret_cast<SQLPOINTER>(SQL_MODE_READ_ONLY), 0);
    SQLCHAR dbms[64] = {};
    SQLSMALLINT length = 0;
    if (succeeded(SQLGetInfo(connection_, SQL_DBMS_NAME, dbms, sizeof(dbms),
                             &length)) &&
        std::string(reinterpret_cast<const char*>(dbms)) == "PostgreSQL")
      run_alone("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    SQLSetConnectAttr(connection_, SQL_ATTR_AUTOCOMMIT,
                      reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0);
  }

  // Runs a statement that returns no rows on a statement handle of its own.
  void run_alone(std::string sql) {
    SQLHSTMT handle = SQL_NULL_HSTMT;
    if (!succeeded(SQLAllocHandle(SQL_HANDLE_STMT, connection_, &handle)))
      throw step_failure(source_, "prepare",
                         diagnostics(SQL_HANDLE_DBC, connection_));
    SQLRETURN rc = SQLExecDirect(handle, reinterpret_cast<SQLCHAR*>(sql.data()),
                                 static_cast<SQLINTEGER>(sql.size()));
    std::string why = succeeded(rc) ? "" : diagnostics(SQL_HANDLE_STMT, handle);
    SQLFreeHandle(SQL_HANDLE_STMT, handle);
    if (!why.empty()) throw step_failure(source_, "prepare", why);
  }

  void check(const char* step, SQLRETURN rc) {
    if (succeeded(rc)) return;
    throw step_failure(source_, step, diagnostics(SQL_HANDLE_STMT, statement_));
  }

  // The value of `column` in the current row into value_, in as many
  // SQLGetData calls as its length needs; false for NULL.
  bool fetch_value(SQLUSMALLINT column) {
    value_.clear();
    for (;;) {
      SQLLEN indicator = 0;
      const SQLLEN capacity =
          static_cast<SQLLEN>(buffer_.size() * sizeof(SQLWCHAR));
      SQLRETURN rc = SQLGetData(statement_, column, SQL_C_WCHAR, buffer_.data(),
                                capacity, &indicator);
      if (rc == SQL_NO_DATA) return true;  // the last part was read
      check("read", rc);
      if (indicator == SQL_NULL_DATA) return false;
      // A part that filled the buffer (SQL_SUCCESS_WITH_INFO, 01004): the
      // buffer less its terminating NUL holds text, and more follows.
      const bool partial = rc == SQL_SUCCESS_WITH_INFO &&
                           (indicator == SQL_NO_TOTAL || indicator >= capacity);
      const size_t units =
          partial ? buffer_.size() - 1
                  : static_cast<size_t>(indicator) / sizeof(SQLWCHAR);
      append_utf8(value_, buffer_.data(), units);
      if (!partial) return true;
      if (buffer_.size() < (size_t{1} << 20))
        buffer_.resize(buffer_.size() * 2);
    }
  }

  Source source_;
  std::unique_ptr<soci::session> session_;
  SQLHDBC connection_ = SQL_NULL_HDBC;
  SQLHSTMT statement_ = SQL_NULL_HSTMT;
  std::vector<std::string> columns_;
  std::vector<SQLWCHAR> buffer_;
  std::string value_;
  bool done_ = false;
  int64_t rows_read_ = 0;
};

}  // namespace

std::unique_ptr<vigie::sdk::BatchReader> open_odbc_reader(
    const Source& source) {
  return std::make_unique<OdbcReader>(source);
}

}  // namespace vigie::crm_sql
