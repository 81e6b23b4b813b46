#include "cdr_reader.hpp"

#include <span>
#include <stdexcept>
#include <utility>
#include <variant>

#include "caller_number.hpp"
#include "cdr_time.hpp"
#include "utf8_repair.hpp"

namespace vigie::asterisk_cdr {
namespace {

LayoutChoice layouts_of(const CdrOptions& options) {
  if (!options.columns.empty()) {
    if (options.cdr_csv_width)
      throw std::runtime_error(
          "options 'layout' and 'columns' exclude each other: 'columns' is "
          "the order of a cdr_custom file, 'layout' a cdr_csv width");
    return LayoutChoice::only(custom_layout(options.columns));
  }
  if (options.cdr_csv_width)
    return LayoutChoice::only(cdr_csv_layout(*options.cdr_csv_width));
  return LayoutChoice::cdr_csv();
}

// A value quoted in a message: valid UTF-8, and short.
std::string quoted(std::string_view value) {
  constexpr size_t kMost = 40;
  std::string text = repair_utf8(value.substr(0, kMost));
  return "'" + text + (value.size() > kMost ? "...'" : "'");
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

// A whole number of seconds >= 0 (at most 9 digits: 31 years).
std::optional<int64_t> seconds_of(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

constexpr const char* kTimeForm = "a time YYYY-MM-DD HH:MM:SS";

}  // namespace

CdrReader::CdrReader(const std::filesystem::path& path,
                     const CdrOptions& options)
    : name_(path.string()),
      csv_(path, {',', false, options.buffer_bytes}),
      layouts_(layouts_of(options)),
      options_(options),
      direction_(options.direction),
      grouper_(options.call_window_seconds, direction_,
               options.utc ? "Z" : "") {
  if (options.call_window_seconds <= 0)
    throw std::runtime_error("option 'call_window_hours' must be positive");
}

bool CdrReader::next(CdrRow& out) {
  while (ready_.empty() && !at_end_) read_record();
  if (ready_.empty()) return false;
  out = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

void CdrReader::read_record() {
  if (!csv_.next(fields_)) {
    at_end_ = true;
    grouper_.finish(done_);
  } else {
    ++records_read_;
    const int64_t line = csv_.line();
    const CdrLayout* layout = layouts_.for_width(fields_.size());
    std::optional<std::string> reject;
    if (layout == nullptr) {
      std::string what = "expected " + layouts_.expected() + ", found " +
                         std::to_string(fields_.size());
      // The first record tells what the file is: one that fits no layout
      // means a file of another kind or a layout option that is wrong, not
      // a bad row.
      if (records_read_ == 1)
        throw std::runtime_error(
            name_ + ":" + std::to_string(line) + ": " + what +
            (options_.columns.empty()
                 ? " (a cdr_custom file? give its column order in option "
                   "'columns')"
                 : " (check option 'columns' against the file)"));
      reject = std::move(what);
    } else {
      reject = take_record(*layout);
    }
    if (reject) {
      CdrRow row;
      row.line = line;
      row.reject = std::move(*reject);
      ready_.push_back(std::move(row));
    }
  }
  for (Call& call : done_) {
    CdrRow row;
    row.line = call.line;
    row.call = std::move(call);
    ready_.push_back(std::move(row));
  }
  done_.clear();
}

std::optional<std::string> CdrReader::take_record(const CdrLayout& layout) {
  const std::span<const std::string_view> row(fields_);
  auto text = [&](CdrField f) { return layout.get(row, f); };
  auto time_of = [&](CdrField f) -> std::variant<int64_t, std::string> {
    const std::string_view value = text(f);
    if (auto t = parse_cdr_time(value)) return *t;
    const std::string name(field_name(f));
    return value.empty() ? name + " is empty; expected " + kTimeForm
                         : name + " " + quoted(value) + " is not " + kTimeForm;
  };
  auto start = time_of(CdrField::kStart);
  if (auto* why = std::get_if<std::string>(&start)) return std::move(*why);
  auto end = time_of(CdrField::kEnd);
  if (auto* why = std::get_if<std::string>(&end)) return std::move(*why);
  std::optional<int64_t> answer;
  if (!text(CdrField::kAnswer).empty()) {
    auto parsed = time_of(CdrField::kAnswer);
    if (auto* why = std::get_if<std::string>(&parsed)) return std::move(*why);
    answer = std::get<int64_t>(parsed);
  }
  int64_t billsec = 0;
  if (const auto value = text(CdrField::kBillsec); !value.empty()) {
    auto seconds = seconds_of(value);
    if (!seconds)
      return "billsec " + quoted(value) +
             " is not a whole number of seconds >= 0";
    billsec = *seconds;
  }

  if (text(CdrField::kLinkedid).empty() && text(CdrField::kUniqueid).empty() &&
      text(CdrField::kChannel).empty())
    return std::string(
        "no linkedid, uniqueid or channel: nothing tells which call the "
        "row belongs to");

  // Every value of a row used is valid UTF-8 from here on.
  if (repaired_.size() < fields_.size()) repaired_.resize(fields_.size());
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (valid_utf8(fields_[i])) continue;
    repaired_[i] = repair_utf8(fields_[i]);
    fields_[i] = repaired_[i];
    ++repaired_values_;
  }

  Leg leg;
  const std::string_view linkedid = text(CdrField::kLinkedid);
  const std::string_view uniqueid = text(CdrField::kUniqueid);
  if (!linkedid.empty()) {
    leg.key = linkedid;
    leg.is_first_channel = uniqueid == linkedid;
  } else if (!uniqueid.empty()) {
    leg.key = uniqueid;  // the legs of one channel: all of the first one
    leg.is_first_channel = true;
  } else {
    leg.key = text(CdrField::kChannel);
    leg.keyed_by_channel = true;
    leg.is_first_channel = true;
  }
  leg.line = csv_.line();
  leg.start = std::get<int64_t>(start);
  leg.start_text = text(CdrField::kStart).substr(0, kCdrTimeLength);
  leg.end = std::get<int64_t>(end);
  leg.billsec = billsec;
  // Asterisk marks ANSWERED a leg a dialplan application answered (an IVR,
  // voicemail) as well as one an agent picked up; answered_min_billsec
  // can ask for some talk time too.
  if (answer && billsec >= options_.answered_min_billsec &&
      equals_ignoring_case(text(CdrField::kDisposition), "ANSWERED"))
    leg.answer = answer;
  if (options_.queue_field) leg.queue = text(*options_.queue_field);
  leg.caller_number =
      caller_number(text(CdrField::kSrc), text(CdrField::kClid));
  leg.context = text(CdrField::kDcontext);
  leg.channel = text(CdrField::kChannel);
  leg.dials_trunk = direction_.is_trunk(text(CdrField::kDstchannel));
  return grouper_.add(leg, done_);
}

}  // namespace vigie::asterisk_cdr
