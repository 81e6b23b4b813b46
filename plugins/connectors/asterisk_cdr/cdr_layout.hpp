// The column layouts of Asterisk's CDR files. cdr_csv writes a fixed order
// whose length depends on cdr.conf (16 fields; 17 with uniqueid; 18 with
// userfield; 21 with peeraccount, linkedid and sequence); cdr_custom writes
// whatever its configuration lists, so its order is given by the user.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::asterisk_cdr {

enum class CdrField {
  kAccountcode,
  kSrc,
  kDst,
  kDcontext,
  kClid,
  kChannel,
  kDstchannel,
  kLastapp,
  kLastdata,
  kStart,
  kAnswer,
  kEnd,
  kDuration,
  kBillsec,
  kDisposition,
  kAmaflags,
  kUniqueid,
  kUserfield,
  kPeeraccount,
  kLinkedid,
  kSequence,
};
inline constexpr size_t kFieldCount = 21;

// The names of the fields, in cdr_csv's order (CdrField's order), as
// Asterisk's CDR() function names them.
inline constexpr std::array<const char*, kFieldCount> kFieldNames = {
    "accountcode", "src",        "dst",       "dcontext",    "clid",
    "channel",     "dstchannel", "lastapp",   "lastdata",    "start",
    "answer",      "end",        "duration",  "billsec",     "disposition",
    "amaflags",    "uniqueid",   "userfield", "peeraccount", "linkedid",
    "sequence"};

// A column of a cdr_custom file that is none of the fields above (a
// variable of the site's own): written `-` in the column order.
inline constexpr std::string_view kSkippedColumn = "-";

std::string_view field_name(CdrField field);
std::optional<CdrField> field_named(std::string_view name);

// Where each field is in a row of one layout.
struct CdrLayout {
  // For messages: "cdr_csv (21 fields)", "the 19 columns of option 'columns'".
  std::string description;
  size_t width = 0;
  std::array<int, kFieldCount> index{};  // -1: the layout has no such field

  bool has(CdrField field) const {
    return index[static_cast<size_t>(field)] >= 0;
  }
  // The field's value in `row` (which has `width` fields); empty when the
  // layout has no such field.
  std::string_view get(std::span<const std::string_view> row,
                       CdrField field) const {
    const int i = index[static_cast<size_t>(field)];
    return i < 0 ? std::string_view() : row[static_cast<size_t>(i)];
  }
};

// cdr_csv's layout of 16, 17, 18 or 21 fields; throws std::invalid_argument
// for another width.
CdrLayout cdr_csv_layout(size_t width);

// A cdr_custom order: field names or `-`. Throws std::runtime_error naming
// an unknown or repeated name, or the fields the connector needs that the
// order lacks (start, answer, end, billsec, disposition, and linkedid,
// uniqueid or channel to group the rows of a call by).
CdrLayout custom_layout(const std::vector<std::string>& names);

// The layouts a file's rows may have, told apart by their field count.
class LayoutChoice {
 public:
  // Every cdr_csv layout, by the field count of each row.
  static LayoutChoice cdr_csv();
  // One layout only (a forced cdr_csv width or a cdr_custom order).
  static LayoutChoice only(CdrLayout layout);

  // The layout of a row of `fields` fields, or null when none has as many.
  const CdrLayout* for_width(size_t fields) const;
  // What a row must look like, for messages: "16, 17, 18 or 21 fields
  // (cdr_csv)".
  const std::string& expected() const { return expected_; }

 private:
  std::vector<CdrLayout> layouts_;
  std::string expected_;
};

}  // namespace vigie::asterisk_cdr
