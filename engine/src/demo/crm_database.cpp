// The CRM as a SQLite file: one transaction and prepared statements (a
// statement per table, rebound for each row), which writes the 150k order
// lines of scale 1 in well under a second.
#include <sqlite3.h>

#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "demo/writers.hpp"

namespace vigie::demo {
namespace {

class Database {
 public:
  explicit Database(const std::filesystem::path& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
      std::string message = sqlite3_errmsg(db_);
      sqlite3_close(db_);
      throw std::runtime_error("cannot create " + path.string() + ": " +
                               message);
    }
  }
  ~Database() { sqlite3_close(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw std::runtime_error("SQLite: " + message + " in: " + sql);
    }
  }
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared INSERT: bind the values of a row, then insert().
class Insert {
 public:
  Insert(Database& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &statement_,
                           nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("SQLite: ") +
                               sqlite3_errmsg(db.handle()));
  }
  ~Insert() { sqlite3_finalize(statement_); }
  Insert(const Insert&) = delete;
  Insert& operator=(const Insert&) = delete;

  Insert& text(int column, std::string_view value) {
    sqlite3_bind_text(statement_, column, value.data(),
                      static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Insert& integer(int column, int64_t value) {
    sqlite3_bind_int64(statement_, column, value);
    return *this;
  }
  Insert& null(int column) {
    sqlite3_bind_null(statement_, column);
    return *this;
  }
  void insert() {
    if (sqlite3_step(statement_) != SQLITE_DONE)
      throw std::runtime_error(std::string("SQLite: ") +
                               sqlite3_errmsg(db_.handle()));
    sqlite3_reset(statement_);
  }

 private:
  Database& db_;
  sqlite3_stmt* statement_ = nullptr;
};

constexpr std::array<std::string_view, 16> kFirstNames = {
    "camille", "lea",  "manon",  "chloe", "ines",    "sarah", "julie", "emma",
    "lucas",   "hugo", "thomas", "louis", "nicolas", "karim", "paul",  "yanis"};
constexpr std::array<std::string_view, 16> kLastNames = {
    "martin",   "bernard", "dubois", "thomas", "robert", "richard",
    "petit",    "durand",  "leroy",  "moreau", "simon",  "laurent",
    "lefebvre", "michel",  "garcia", "haddad"};

void write_customers(Database& db, const DemoWorld& world,
                     const LocalClock& clock) {
  db.exec(
      "CREATE TABLE customers (customer_id TEXT PRIMARY KEY, created_at TEXT "
      "NOT NULL, "
      "acquisition_channel TEXT, region TEXT, birth_year INTEGER, "
      "consent_marketing INTEGER, email TEXT)");
  Insert insert(db, "INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (size_t i = 0; i < world.customers.size(); ++i) {
    const Customer& c = world.customers[i];
    auto id = static_cast<int32_t>(i);
    insert.text(1, customer_id(id))
        .text(2, clock.format(c.created_at))
        .text(3, kAcquisitionChannels[c.acquisition])
        .text(4, kRegions[c.region])
        .integer(5, c.birth_year)
        .integer(6, c.consent ? 1 : 0);
    // The name comes from the id alone: no draw, so no effect on the rest.
    if (i % 13 == 7) {  // about 8 % left no e-mail address
      insert.null(7);
    } else {
      insert.text(7, fmt::format("{}.{}{}@example.com", kFirstNames[i % 16],
                                 kLastNames[(i / 16) % 16], i));
    }
    insert.insert();
  }
}

void write_orders(Database& db, const DemoWorld& world,
                  const LocalClock& clock) {
  db.exec(
      "CREATE TABLE orders (order_id TEXT NOT NULL, customer_id TEXT, "
      "ordered_at TEXT NOT NULL, amount TEXT NOT NULL, margin TEXT, quantity "
      "INTEGER, "
      "product_id TEXT, category TEXT, channel TEXT)");
  Insert insert(db, "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& line : world.orders) {
    const Product& p = world.products[static_cast<size_t>(line.product)];
    insert.text(1, fmt::format("O{:07}", line.order_key));
    if (line.customer == kAnonymous)
      insert.null(2);
    else
      insert.text(2, customer_id(line.customer));
    insert.text(3, clock.format(line.at))
        .text(4, cents_text(line.amount_cents))
        .text(5, cents_text(line.margin_cents))
        .integer(6, line.quantity)
        .text(7, p.id)
        .text(8, kCategories[p.category].name)
        .text(9, kOrderChannels[line.channel])
        .insert();
  }
}

void write_marketing_spend(Database& db, const DemoWorld& world) {
  db.exec(
      "CREATE TABLE marketing_spend (month TEXT NOT NULL, channel TEXT NOT "
      "NULL, "
      "spend TEXT NOT NULL)");
  Insert insert(db, "INSERT INTO marketing_spend VALUES (?, ?, ?)");
  for (const auto& row : world.spend)
    insert.text(1, row.month.iso())
        .text(2, kAcquisitionChannels[row.channel])
        .text(3, cents_text(row.spend_cents))
        .insert();
}

void write_surveys(Database& db, const DemoWorld& world,
                   const LocalClock& clock) {
  db.exec(
      "CREATE TABLE surveys (customer_id TEXT, ts TEXT NOT NULL, step TEXT, "
      "channel TEXT, csat INTEGER, nps INTEGER)");
  Insert insert(db, "INSERT INTO surveys VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& s : world.surveys) {
    if (s.customer == kAnonymous)
      insert.null(1);
    else
      insert.text(1, customer_id(s.customer));
    insert.text(2, clock.format(s.at))
        .text(3, kSurveySteps[s.step])
        .text(4, kSurveyChannels[s.channel]);
    if (s.csat > 0)
      insert.integer(5, s.csat);
    else
      insert.null(5);
    if (s.nps >= 0)
      insert.integer(6, s.nps);
    else
      insert.null(6);
    insert.insert();
  }
}

}  // namespace

void write_crm_database(const DemoWorld& world, const LocalClock& clock,
                        const std::filesystem::path& path) {
  Database db(path);
  // The file is written under a temporary name and renamed once complete,
  // so no journal is needed to survive a crash.
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
  write_customers(db, world, clock);
  write_orders(db, world, clock);
  write_marketing_spend(db, world);
  write_surveys(db, world, clock);
  db.exec("COMMIT");
}

}  // namespace vigie::demo
