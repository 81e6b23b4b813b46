#include "locale/locale.hpp"

#include "locale/number_formatters.hpp"

namespace vigie::locale {

Locale::Locale(const std::string& name, std::string time_zone)
    : name_(name),
      language_(name.rfind("fr", 0) == 0 ? "fr" : "en"),
      time_zone_(std::move(time_zone)),
      formatters_(NumberFormatters::of(name)) {
  if (!french()) {
    currency_after = false;
    unit_space.clear();
  }
}

}  // namespace vigie::locale
