#include "web_run.hpp"

#include <stdexcept>
#include <string>

namespace vigie::web_analytics {

const ColumnView& Run::web_dictionary(std::string_view name) const {
  const ColumnView& column = web().column(name);
  if (column.type() != Type::Dictionary)
    throw std::runtime_error("web_events." + std::string(name) +
                             " must be a dictionary-encoded text column");
  return column;
}

const EventTypes& Run::types() {
  return types_.get([&] {
    const ColumnView& event_type = web_dictionary("event_type");
    EventTypes types;
    for (int32_t code = 0; code < event_type.dictionary_size(); ++code) {
      std::string_view text = event_type.dictionary_at(code);
      if (text == "page_view") types.page_view = code;
      if (text == "action") types.action = code;
      if (text == "conversion") types.conversion = code;
    }
    return types;
  });
}

const PageClasses& Run::page_classes() {
  return page_classes_.get([&] {
    const ColumnView& page = web_dictionary("page");
    PageClasses classes;
    const auto pages = static_cast<size_t>(page.dictionary_size());
    classes.group.resize(pages);
    classes.moment_offsets.assign(pages + 1, 0);
    for (size_t code = 0; code < pages; ++code) {
      std::string_view text = page.dictionary_at(static_cast<int32_t>(code));
      classes.group[code] = parameters.page_groups.best(text);
      for (int32_t moment : parameters.life_moments.matching(text))
        classes.moments.push_back(moment);
      classes.moment_offsets[code + 1] =
          static_cast<int32_t>(classes.moments.size());
    }
    return classes;
  });
}

}  // namespace vigie::web_analytics
