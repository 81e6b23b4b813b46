// The demo data generator at scale 0.05 (1,000 customers): determinism, the
// shape of every file, and the features the KPIs rely on.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "demo/demo_data.hpp"

namespace {

namespace fs = std::filesystem;
using vigie::demo::DemoOptions;
using vigie::demo::DemoSummary;
using vigie::demo::write_demo_data;

constexpr double kScale = 0.05;

fs::path temp_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() /
             ("vigie_demo_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  return dir;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A CSV without quoted fields, as the generator writes it.
struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  size_t column(const std::string& name) const {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error("no column " + name);
    return static_cast<size_t>(it - header.begin());
  }
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

Csv read_csv(const fs::path& path) {
  Csv csv;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  csv.header = split(line);
  while (std::getline(in, line)) csv.rows.push_back(split(line));
  return csv;
}

// Seconds of a local "YYYY-MM-DDTHH:MM:SS", counted from 1970-01-01 by the
// civil calendar (days_from_civil of H. Hinnant), time zone ignored.
int64_t local_seconds(const std::string& ts) {
  int y = std::stoi(ts.substr(0, 4)), m = std::stoi(ts.substr(5, 2)),
      d = std::stoi(ts.substr(8, 2));
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = int64_t{era} * 146097 + doe - 719468;
  return days * 86400 + std::stoi(ts.substr(11, 2)) * 3600 +
         std::stoi(ts.substr(14, 2)) * 60 + std::stoi(ts.substr(17, 2));
}

class Sqlite {
 public:
  explicit Sqlite(const fs::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error("cannot open " + path.string());
  }
  ~Sqlite() { sqlite3_close(db_); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;
  // Every row of the query, NULL as "\N".
  std::vector<std::vector<std::string>> rows(const std::string& sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db_));
    std::vector<std::vector<std::string>> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* text = sqlite3_column_text(st, c);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "\\N");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    return out;
  }
  int64_t count(const std::string& sql) const {
    return std::stoll(rows(sql).at(0).at(0));
  }
  std::vector<std::string> columns(const std::string& table) const {
    std::vector<std::string> out;
    for (const auto& row : rows("PRAGMA table_info(" + table + ")"))
      out.push_back(row[1]);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

class DemoDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(temp_dir("main"));
    DemoOptions options;
    options.out = *dir_;
    options.scale = kScale;
    summary_ = write_demo_data(options);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static fs::path* dir_;
  static DemoSummary summary_;
};
fs::path* DemoDataTest::dir_ = nullptr;
DemoSummary DemoDataTest::summary_{};

TEST_F(DemoDataTest, SameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot) {
  auto again = temp_dir("again");
  DemoOptions options;
  options.out = again;
  options.scale = kScale;
  write_demo_data(options);
  for (const char* name :
       {"crm.sqlite", "web_events.csv", "calls.csv", "README.txt"}) {
    std::string first = read_bytes(*dir_ / name);
    EXPECT_FALSE(first.empty()) << name;
    EXPECT_TRUE(first == read_bytes(again / name)) << name << " differs";
  }
  // Exactly the four files: no temporary left behind.
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(again))
    ++files;
  EXPECT_EQ(files, 4u);

  auto other = temp_dir("other");
  options.out = other;
  options.seed = 43;
  write_demo_data(options);
  EXPECT_NE(read_bytes(*dir_ / "web_events.csv"),
            read_bytes(other / "web_events.csv"));
  fs::remove_all(again);
  fs::remove_all(other);
}

TEST_F(DemoDataTest, CountsFollowTheScale) {
  // Scale 1 is 20k customers (exact), about 150k lines, 1M web events and
  // 100k calls; at 0.05: 1,000 customers, ~7,500 lines, ~50,000 events,
  // ~5,000 calls, each allowed +-35 %.
  EXPECT_EQ(summary_.customers, 1000);
  EXPECT_GE(summary_.order_lines, 4875);
  EXPECT_LE(summary_.order_lines, 10125);
  EXPECT_GE(summary_.web_events, 32500);
  EXPECT_LE(summary_.web_events, 67500);
  EXPECT_GE(summary_.calls, 3250);
  EXPECT_LE(summary_.calls, 6750);
  EXPECT_GT(summary_.surveys, 200);

  Sqlite db(*dir_ / "crm.sqlite");
  EXPECT_EQ(db.count("SELECT count(*) FROM customers"), summary_.customers);
  EXPECT_EQ(db.count("SELECT count(*) FROM orders"), summary_.order_lines);
  EXPECT_EQ(db.count("SELECT count(*) FROM surveys"), summary_.surveys);
  // 15 months x 6 acquisition channels.
  EXPECT_EQ(db.count("SELECT count(*) FROM marketing_spend"), 90);
  EXPECT_EQ(
      static_cast<int64_t>(read_csv(*dir_ / "web_events.csv").rows.size()),
      summary_.web_events);
  EXPECT_EQ(static_cast<int64_t>(read_csv(*dir_ / "calls.csv").rows.size()),
            summary_.calls);
}

TEST_F(DemoDataTest, TablesHaveTheCanonicalColumns) {
  Sqlite db(*dir_ / "crm.sqlite");
  using Names = std::vector<std::string>;
  EXPECT_EQ(db.columns("customers"),
            (Names{"customer_id", "created_at", "acquisition_channel", "region",
                   "birth_year", "consent_marketing", "email"}));
  EXPECT_EQ(db.columns("orders"),
            (Names{"order_id", "customer_id", "ordered_at", "amount", "margin",
                   "quantity", "product_id", "category", "channel"}));
  EXPECT_EQ(db.columns("marketing_spend"),
            (Names{"month", "channel", "spend"}));
  EXPECT_EQ(db.columns("surveys"),
            (Names{"customer_id", "ts", "step", "channel", "csat", "nps"}));
  EXPECT_EQ(read_csv(*dir_ / "web_events.csv").header,
            (Names{"ts", "visitor_id", "customer_id", "event_type", "page",
                   "action", "device", "source", "load_time_ms"}));
  EXPECT_EQ(read_csv(*dir_ / "calls.csv").header,
            (Names{"call_id", "started_at", "customer_id", "direction", "queue",
                   "reason", "outcome", "wait_s", "handle_s", "csat"}));
}

TEST_F(DemoDataTest, AmountsAreExactTwoDecimalText) {
  Sqlite db(*dir_ / "crm.sqlite");
  const std::regex decimal(R"(-?[0-9]+\.[0-9]{2})");
  for (const auto& row : db.rows("SELECT amount, margin FROM orders")) {
    ASSERT_TRUE(std::regex_match(row[0], decimal)) << row[0];
    ASSERT_TRUE(std::regex_match(row[1], decimal)) << row[1];
  }
  for (const auto& row : db.rows("SELECT spend FROM marketing_spend"))
    ASSERT_TRUE(std::regex_match(row[0], decimal)) << row[0];
  // Stored as TEXT, not as a float that would lose the cents.
  EXPECT_EQ(
      db.count("SELECT count(*) FROM orders WHERE typeof(amount) <> 'text'"),
      0);
}

TEST_F(DemoDataTest, OrdersHaveReturnsAnonymousLinesAndKnownCustomers) {
  Sqlite db(*dir_ / "crm.sqlite");
  double lines = static_cast<double>(db.count("SELECT count(*) FROM orders"));
  EXPECT_EQ(
      db.count(
          "SELECT count(*) FROM orders o WHERE customer_id IS NOT NULL AND NOT "
          "EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = "
          "o.customer_id)"),
      0);
  // Returns about 3 % of lines plus cancellations about 1.5 % of orders.
  double negative = static_cast<double>(
      db.count("SELECT count(*) FROM orders WHERE amount LIKE '-%'"));
  EXPECT_GT(negative / lines, 0.015);
  EXPECT_LT(negative / lines, 0.08);
  // Anonymous lines about 5 %.
  double anonymous = static_cast<double>(
      db.count("SELECT count(*) FROM orders WHERE customer_id IS NULL"));
  EXPECT_GT(anonymous / lines, 0.03);
  EXPECT_LT(anonymous / lines, 0.07);
  // Multi-line orders exist.
  EXPECT_GT(
      db.count(
          "SELECT count(*) FROM (SELECT order_id FROM orders GROUP BY order_id "
          "HAVING count(*) > 1)"),
      0);
  // Consent about 60 %: between 50 and 70 % of 1,000 customers.
  int64_t consent =
      db.count("SELECT count(*) FROM customers WHERE consent_marketing = 1");
  EXPECT_GT(consent, 500);
  EXPECT_LT(consent, 700);
}

TEST_F(DemoDataTest, EveryTimeIsInsideTheFifteenMonthsAndExistsInParis) {
  // end_month 2026-10: August 2025 .. October 2026.
  const std::string first = "2025-08-01T00:00:00",
                    after = "2026-11-01T00:00:00";
  const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})");
  Sqlite db(*dir_ / "crm.sqlite");
  auto check = [&](const std::string& ts) {
    ASSERT_TRUE(std::regex_match(ts, iso)) << ts;
    ASSERT_GE(ts, first);
    ASSERT_LT(ts, after);
    // 2026-03-29 02:00-02:59 does not exist in Europe/Paris.
    ASSERT_NE(ts.substr(0, 14), "2026-03-29T02:") << ts;
  };
  for (const auto& row : db.rows("SELECT ordered_at FROM orders"))
    check(row[0]);
  Csv web = read_csv(*dir_ / "web_events.csv");
  for (const auto& row : web.rows) check(row[0]);
  Csv calls = read_csv(*dir_ / "calls.csv");
  for (const auto& row : calls.rows) check(row[1]);
  // Customers created before the range exist too (the existing base).
  EXPECT_GT(db.count("SELECT count(*) FROM customers WHERE created_at < '" +
                     first + "'"),
            0);
  EXPECT_EQ(db.count("SELECT count(*) FROM customers WHERE created_at >= '" +
                     after + "'"),
            0);
}

TEST_F(DemoDataTest, WebEventsMixAnonymousAndLoggedInVisitsOnSeveralDevices) {
  Csv web = read_csv(*dir_ / "web_events.csv");
  size_t customer = web.column("customer_id"), type = web.column("event_type"),
         device = web.column("device"), visitor = web.column("visitor_id");
  size_t with_customer = 0;
  std::map<std::string, size_t> types;
  std::map<std::string, std::set<std::string>> devices_of_customer;
  for (const auto& row : web.rows) {
    ASSERT_EQ(row.size(), web.header.size());
    if (!row[customer].empty()) {
      ++with_customer;
      devices_of_customer[row[customer]].insert(row[device]);
    }
    ++types[row[type]];
    ASSERT_FALSE(row[visitor].empty());
  }
  EXPECT_GT(with_customer, 0u);
  EXPECT_LT(with_customer, web.rows.size());
  EXPECT_GT(types["page_view"], types["action"]);
  EXPECT_GT(types["action"], 0u);
  EXPECT_GT(types["conversion"], 0u);
  size_t cross_device = 0;
  for (const auto& [id, devices] : devices_of_customer)
    cross_device += devices.size() > 1;
  EXPECT_GT(cross_device, 0u);
}

TEST_F(DemoDataTest, SomeCallsFollowASelfCareActionWithin48Hours) {
  Csv web = read_csv(*dir_ / "web_events.csv");
  Csv calls = read_csv(*dir_ / "calls.csv");
  size_t ts = web.column("ts"), customer = web.column("customer_id"),
         type = web.column("event_type"), action = web.column("action");
  std::map<std::pair<std::string, std::string>, std::vector<int64_t>> actions;
  for (const auto& row : web.rows)
    if (row[type] == "action" && !row[customer].empty())
      actions[{row[customer], row[action]}].push_back(local_seconds(row[ts]));
  size_t started = calls.column("started_at"),
         caller = calls.column("customer_id"), reason = calls.column("reason"),
         direction = calls.column("direction"),
         outcome = calls.column("outcome");
  size_t rebounds = 0, identified = 0, inbound = 0, answered = 0;
  for (const auto& row : calls.rows) {
    ASSERT_EQ(row.size(), calls.header.size());
    if (row[direction] != "inbound") continue;
    ++inbound;
    answered += row[outcome] == "answered";
    if (row[caller].empty()) continue;
    ++identified;
    auto it = actions.find({row[caller], row[reason]});
    if (it == actions.end()) continue;
    int64_t t = local_seconds(row[started]);
    // Within 47 h rather than 48 h: a daylight-saving change may hide in
    // local times.
    for (int64_t a : it->second)
      if (a < t && t <= a + 47 * 3600) {
        ++rebounds;
        break;
      }
  }
  EXPECT_GT(rebounds, 0u);
  // Identified about 70 % and answered about 85 % of inbound calls.
  double identified_share =
      static_cast<double>(identified) / static_cast<double>(inbound);
  EXPECT_GT(identified_share, 0.6);
  EXPECT_LT(identified_share, 0.8);
  double answered_share =
      static_cast<double>(answered) / static_cast<double>(inbound);
  EXPECT_GT(answered_share, 0.75);
  EXPECT_LT(answered_share, 0.95);
}

TEST_F(DemoDataTest, ReadmeDescribesTheFilesInTwoLines) {
  std::string text = read_bytes(*dir_ / "README.txt");
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_NE(text.find("crm.sqlite"), std::string::npos);
  EXPECT_NE(text.find("calls.csv"), std::string::npos);
}

TEST(DemoDataOptions, BadOptionsAreRefused) {
  DemoOptions options;
  options.out = temp_dir("refused");
  options.scale = 0;
  EXPECT_THROW(write_demo_data(options), std::runtime_error);
  options.scale = kScale;
  options.end_month = "2026-13";
  EXPECT_THROW(write_demo_data(options), std::runtime_error);
  options.end_month = "2026-10";
  options.time_zone = "Nowhere/Atlantis";
  EXPECT_THROW(write_demo_data(options), std::runtime_error);
  EXPECT_FALSE(fs::exists(options.out / "crm.sqlite"));
  fs::remove_all(options.out);
}

}  // namespace
