#include "schedule/cron.hpp"

#include <fmt/format.h>

#include <array>
#include <bit>
#include <cctype>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace vigie::schedule {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
    "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> kDayNames = {
    "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
constexpr std::array<std::string_view, 12> kMonthWords = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// One of the five fields: its range, its names (the first name's value is
// `first_name`), and what an item of it may be, said in plain words.
struct Field {
  std::string_view name;
  int min;
  int max;
  std::span<const std::string_view> names;
  int first_name;
  std::string_view expected;
  std::string_view name_kind;  // "month" in "unknown month name"
  std::string_view name_range;
};

constexpr std::string_view kNumbersOnly =
    "expected a number, '*', a range a-b or a step /n";

const std::array<Field, 5> kFields = {{
    {"minute", 0, 59, {}, 0, kNumbersOnly, "", ""},
    {"hour", 0, 23, {}, 0, kNumbersOnly, "", ""},
    {"day-of-month", 1, 31, {}, 0, kNumbersOnly, "", ""},
    {"month", 1, 12, kMonthNames, 1,
     "expected a number, a name (JAN..DEC), '*', a range a-b or a step /n",
     "month", "JAN..DEC"},
    {"day-of-week", 0, 7, kDayNames, 0,
     "expected a number, a name (MON..SUN), '*', a range a-b or a step /n",
     "day", "MON..SUN"},
}};
constexpr size_t kDayOfWeek = 4;

// The macros, as Vixie cron expands them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kMacros =
    {{{"@yearly", "0 0 1 1 *"},
      {"@annually", "0 0 1 1 *"},
      {"@monthly", "0 0 1 * *"},
      {"@weekly", "0 0 * * 0"},
      {"@daily", "0 0 * * *"},
      {"@midnight", "0 0 * * *"},
      {"@hourly", "0 * * * *"}}};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Word {
  std::string_view text;
  int column;  // 1-based
};

std::vector<Word> split_blanks(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_blank(text[i])) ++i;
    if (i == text.size()) break;
    size_t start = i;
    while (i < text.size() && !is_blank(text[i])) ++i;
    words.push_back(
        {text.substr(start, i - start), static_cast<int>(start) + 1});
  }
  return words;
}

// Reads one field into a bit set (bit v for value v; the day-of-week's 7 is
// kept as bit 7 here and folded onto Sunday by the caller).
class FieldReader {
 public:
  FieldReader(const Field& field, Word word) : field_(field), word_(word) {}

  uint64_t read() {
    std::string_view text = word_.text;
    size_t start = 0;
    for (;;) {
      size_t comma = text.find(',', start);
      size_t end = comma == std::string_view::npos ? text.size() : comma;
      if (end == start)
        throw CronError(fmt::format("empty item in the {} list: {}",
                                    field_.name, field_.expected),
                        word_.column + static_cast<int>(start));
      item(start, end);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return bits_;
  }

 private:
  int column(size_t pos) const { return word_.column + static_cast<int>(pos); }

  [[noreturn]] void unexpected(size_t pos, size_t end) const {
    if (pos >= end)
      throw CronError(fmt::format("the {} field ends too early: {}",
                                  field_.name, field_.expected),
                      column(pos));
    throw CronError(fmt::format("unexpected '{}' in the {} field: {}",
                                word_.text[pos], field_.name, field_.expected),
                    column(pos));
  }

  // A number or a name at `pos`, checked against the field's range;
  // `range_start` is the value before the '-' when this one ends a range.
  int value(size_t& pos, size_t end, std::optional<int> range_start) const {
    std::string_view text = word_.text;
    size_t start = pos;
    if (pos < end && is_digit(text[pos])) {
      while (pos < end && is_digit(text[pos])) ++pos;
      std::string_view digits = text.substr(start, pos - start);
      // Four digits are enough to tell any value out of range.
      int v = 0;
      for (char c : digits.substr(0, std::min<size_t>(digits.size(), 4)))
        v = v * 10 + (c - '0');
      if (digits.size() > 4 || v < field_.min || v > field_.max)
        throw CronError(fmt::format("{} {} is out of range {}-{}", field_.name,
                                    digits, field_.min, field_.max),
                        column(start));
      return v;
    }
    if (pos < end && is_letter(text[pos])) {
      while (pos < end && is_letter(text[pos])) ++pos;
      std::string_view word = text.substr(start, pos - start);
      if (field_.names.empty())
        throw CronError(fmt::format("unexpected '{}' in the {} field: {}", word,
                                    field_.name, field_.expected),
                        column(start));
      std::string name = upper(word);
      for (size_t i = 0; i < field_.names.size(); ++i)
        if (field_.names[i] == name) {
          int v = field_.first_name + static_cast<int>(i);
          // SUN closing a range from a later day means the 7 at the
          // week's end: MON-SUN (SUN-SUN stays Sunday).
          if (range_start && *range_start > 0 && v == 0 &&
              &field_ == &kFields[kDayOfWeek])
            v = 7;
          return v;
        }
      throw CronError(fmt::format("unknown {} name '{}': expected {}",
                                  field_.name_kind, word, field_.name_range),
                      column(start));
    }
    unexpected(pos, end);
  }

  void item(size_t begin, size_t end) {
    std::string_view text = word_.text;
    size_t pos = begin;
    int lo = field_.min;
    int hi = field_.max;
    bool single = false;
    if (text[pos] == '*') {
      ++pos;
    } else {
      lo = hi = value(pos, end, std::nullopt);
      single = true;
      if (pos < end && text[pos] == '-') {
        ++pos;
        hi = value(pos, end, lo);
        single = false;
        if (lo > hi)
          throw CronError(
              fmt::format("{} range {} is reversed: write the smaller value "
                          "first",
                          field_.name, text.substr(begin, pos - begin)),
              column(begin));
      }
    }
    int step = 1;
    if (pos < end && text[pos] == '/') {
      ++pos;
      size_t start = pos;
      while (pos < end && is_digit(text[pos])) ++pos;
      if (pos == start)
        throw CronError(fmt::format("expected a step number after '/' in the "
                                    "{} field",
                                    field_.name),
                        column(start));
      std::string_view digits = text.substr(start, pos - start);
      step = 0;
      for (char c : digits.substr(0, std::min<size_t>(digits.size(), 4)))
        step = step * 10 + (c - '0');
      if (step == 0)
        throw CronError(fmt::format("step 0 in the {} field: a step must be "
                                    "at least 1",
                                    field_.name),
                        column(start));
      if (digits.size() > 4 || step > field_.max)
        throw CronError(fmt::format("{} step {} is out of range 1-{}",
                                    field_.name, digits, field_.max),
                        column(start));
      if (single) hi = field_.max;  // N/S: from N to the end, every S
    }
    if (pos != end) unexpected(pos, end);
    for (int v = lo; v <= hi; v += step) bits_ |= uint64_t{1} << v;
  }

  const Field& field_;
  Word word_;
  uint64_t bits_ = 0;
};

int days_in_month_at_most(unsigned month) {
  constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  return kDays[month - 1];
}

// The lowest set bit at or above `from`, or -1.
int next_bit(uint64_t bits, int from) {
  if (from >= 64) return -1;
  uint64_t rest = bits >> from;
  if (rest == 0) return -1;
  return from + std::countr_zero(rest);
}

}  // namespace

CronExpression CronExpression::parse(std::string_view text) {
  std::vector<Word> words = split_blanks(text);
  CronExpression cron;
  if (words.empty())
    throw CronError(
        "the schedule is empty: expected 5 fields (minute hour day-of-month "
        "month day-of-week) or a macro such as @daily",
        1);
  if (words[0].text.front() == '@') {
    std::string name = lower(words[0].text);
    std::string_view expansion;
    for (const auto& [macro, fields] : kMacros)
      if (macro == name) expansion = fields;
    if (expansion.empty())
      throw CronError(fmt::format("unknown macro '{}': expected @yearly, "
                                  "@annually, @monthly, @weekly, @daily, "
                                  "@midnight or @hourly",
                                  words[0].text),
                      words[0].column);
    if (words.size() > 1)
      throw CronError(
          fmt::format("nothing may follow the macro {}", words[0].text),
          words[1].column);
    cron = parse(expansion);
    cron.text_ = std::string(words[0].text);
    return cron;
  }
  if (words.size() != 5) {
    int column =
        words.size() > 5
            ? words[5].column
            : words.back().column + static_cast<int>(words.back().text.size());
    throw CronError(
        fmt::format("expected 5 fields (minute hour day-of-month month "
                    "day-of-week), found {}",
                    words.size()),
        column);
  }
  std::array<uint64_t, 5> bits{};
  for (size_t i = 0; i < 5; ++i)
    bits[i] = FieldReader(kFields[i], words[i]).read();
  cron.minutes_ = bits[0];
  cron.hours_ = static_cast<uint32_t>(bits[1]);
  cron.days_ = static_cast<uint32_t>(bits[2]);
  cron.months_ = static_cast<uint16_t>(bits[3]);
  uint64_t week = bits[4];
  if (week & (uint64_t{1} << 7)) week = (week | 1) & ~(uint64_t{1} << 7);
  cron.weekdays_ = static_cast<uint8_t>(week);
  // Vixie cron: a day field written starting with '*' makes the two AND.
  cron.either_day_ =
      words[2].text.front() != '*' && words[4].text.front() != '*';

  // With AND, a day of the month must exist in one of the months (every
  // date falls on each weekday over the years); with OR, the weekdays
  // alone give days, so any expression runs.
  if (!cron.either_day_) {
    bool exists = false;
    for (unsigned m = 1; m <= 12; ++m)
      if (cron.months_ & (1u << m))
        for (int d = 1; d <= days_in_month_at_most(m); ++d)
          if (cron.days_ & (1u << d)) exists = true;
    if (!exists) {
      std::string months;
      for (unsigned m = 1; m <= 12; ++m)
        if (cron.months_ & (1u << m))
          months +=
              (months.empty() ? "" : ", ") + std::string(kMonthWords[m - 1]);
      throw CronError(fmt::format("day-of-month {} never occurs in {}: the "
                                  "schedule would never run",
                                  words[2].text, months),
                      words[2].column);
    }
  }
  for (size_t i = 0; i < 5; ++i)
    cron.text_ += (i == 0 ? "" : " ") + std::string(words[i].text);
  return cron;
}

bool CronExpression::day_matches(unsigned day_of_month,
                                 unsigned weekday) const {
  bool dom = days_ & (1u << day_of_month);
  bool dow = weekdays_ & (1u << weekday);
  return either_day_ ? (dom || dow) : (dom && dow);
}

uint32_t CronExpression::day_mask(date::year year, date::month month) const {
  date::year_month_day_last last{year / month / date::last};
  date::local_days first{year / month / 1};
  unsigned weekday = date::weekday{first}.c_encoding();
  uint32_t mask = 0;
  for (unsigned d = 1; d <= unsigned(last.day());
       ++d, weekday = (weekday + 1) % 7)
    if (day_matches(d, weekday)) mask |= 1u << d;
  return mask;
}

bool CronExpression::matches(date::local_seconds t) const {
  using namespace std::chrono;
  auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  date::hh_mm_ss<minutes> time{date::floor<minutes>(t - day)};
  return (months_ & (1u << unsigned(ymd.month()))) &&
         day_matches(unsigned(ymd.day()), date::weekday{day}.c_encoding()) &&
         (hours_ & (1u << time.hours().count())) &&
         (minutes_ & (uint64_t{1} << time.minutes().count()));
}

NextSearch CronExpression::search_next(date::local_seconds after,
                                       date::local_seconds not_after) const {
  using std::chrono::hours;
  using std::chrono::minutes;
  NextSearch search;
  date::local_seconds t = date::floor<minutes>(after) + minutes{1};
  while (t <= not_after) {
    ++search.steps;
    auto day = date::floor<date::days>(t);
    date::year_month_day ymd{day};
    unsigned month = unsigned(ymd.month());
    if (!(months_ & (1u << month))) {
      // Skip to the 1st of the next month written, maybe next year.
      int next = next_bit(months_, static_cast<int>(month) + 1);
      date::year year = ymd.year();
      if (next < 0) {
        next = next_bit(months_, 1);
        year += date::years{1};
      }
      t = date::local_days{year / date::month(static_cast<unsigned>(next)) / 1};
      continue;
    }
    // The days of this month that match, to jump to the next one at once.
    int next_day = next_bit(day_mask(ymd.year(), ymd.month()),
                            static_cast<int>(unsigned(ymd.day())));
    if (next_day < 0) {
      t = date::local_days{(ymd.year() / ymd.month() + date::months{1}) / 1};
      continue;
    }
    if (next_day != static_cast<int>(unsigned(ymd.day()))) {
      t = date::local_days{ymd.year() / ymd.month() /
                           static_cast<unsigned>(next_day)};
      continue;
    }
    auto since_midnight = date::floor<minutes>(t - day);
    int hour = static_cast<int>(date::floor<hours>(since_midnight).count());
    int minute = static_cast<int>((since_midnight - hours{hour}).count());
    int next_hour = next_bit(hours_, hour);
    if (next_hour < 0) {
      t = day + date::days{1};
      continue;
    }
    int next_minute = next_bit(minutes_, next_hour == hour ? minute : 0);
    if (next_minute < 0) {
      t = day + hours{next_hour + 1};
      continue;
    }
    date::local_seconds found = day + hours{next_hour} + minutes{next_minute};
    if (found <= not_after) search.found = found;
    return search;
  }
  return search;
}

std::optional<date::local_seconds> CronExpression::next_local(
    date::local_seconds after) const {
  constexpr auto kHorizon = date::days{366} * kSearchYears;
  return search_next(after, after + kHorizon).found;
}

}  // namespace vigie::schedule
