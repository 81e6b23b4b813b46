#include "cdr_layout.hpp"

#include <stdexcept>

namespace vigie::asterisk_cdr {

std::string_view field_name(CdrField field) {
  return kFieldNames[static_cast<size_t>(field)];
}

std::optional<CdrField> field_named(std::string_view name) {
  for (size_t i = 0; i < kFieldCount; ++i)
    if (name == kFieldNames[i]) return static_cast<CdrField>(i);
  return std::nullopt;
}

CdrLayout cdr_csv_layout(size_t width) {
  if (width != 16 && width != 17 && width != 18 && width != 21)
    throw std::invalid_argument("cdr_csv writes 16, 17, 18 or 21 fields, not " +
                                std::to_string(width));
  CdrLayout layout;
  layout.description = "cdr_csv (" + std::to_string(width) + " fields)";
  layout.width = width;
  // cdr_csv's order is CdrField's: the first `width` fields, the optional
  // ones appended in the order of the Asterisk versions that added them.
  for (size_t i = 0; i < kFieldCount; ++i)
    layout.index[i] = i < width ? static_cast<int>(i) : -1;
  return layout;
}

CdrLayout custom_layout(const std::vector<std::string>& names) {
  CdrLayout layout;
  layout.description = "the order of option 'columns'";
  layout.width = names.size();
  layout.index.fill(-1);
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == kSkippedColumn) continue;
    auto field = field_named(names[i]);
    if (!field) {
      std::string known;
      for (const char* n : kFieldNames)
        known += std::string(known.empty() ? "" : ", ") + n;
      throw std::runtime_error("option 'columns': '" + names[i] +
                               "' is no CDR field (" + known +
                               "; write - for a column to skip)");
    }
    int& slot = layout.index[static_cast<size_t>(*field)];
    if (slot >= 0)
      throw std::runtime_error("option 'columns' names '" + names[i] +
                               "' twice");
    slot = static_cast<int>(i);
  }
  std::string missing;
  for (CdrField needed : {CdrField::kStart, CdrField::kAnswer, CdrField::kEnd,
                          CdrField::kBillsec, CdrField::kDisposition})
    if (!layout.has(needed))
      missing += std::string(missing.empty() ? "" : ", ") +
                 std::string(field_name(needed));
  if (!missing.empty())
    throw std::runtime_error("option 'columns' lacks " + missing +
                             ", which a call's outcome and times are made of");
  if (!layout.has(CdrField::kLinkedid) && !layout.has(CdrField::kUniqueid) &&
      !layout.has(CdrField::kChannel))
    throw std::runtime_error(
        "option 'columns' has none of linkedid, uniqueid and channel: the "
        "rows of one call cannot be grouped");
  return layout;
}

LayoutChoice LayoutChoice::cdr_csv() {
  LayoutChoice choice;
  for (size_t width : {16, 17, 18, 21})
    choice.layouts_.push_back(cdr_csv_layout(width));
  choice.expected_ = "16, 17, 18 or 21 fields (cdr_csv)";
  return choice;
}

LayoutChoice LayoutChoice::only(CdrLayout layout) {
  LayoutChoice choice;
  choice.expected_ =
      std::to_string(layout.width) + " fields (" + layout.description + ")";
  choice.layouts_.push_back(std::move(layout));
  return choice;
}

const CdrLayout* LayoutChoice::for_width(size_t fields) const {
  for (const auto& layout : layouts_)
    if (layout.width == fields) return &layout;
  return nullptr;
}

}  // namespace vigie::asterisk_cdr
