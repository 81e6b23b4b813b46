#include "parameters.hpp"

#include <stdexcept>

namespace customer_base {
namespace {

int64_t positive_days(const vigie::sdk::Config& config, const char* key,
                      int64_t fallback) {
  int64_t days = config.integer(key, fallback);
  if (days <= 0)
    throw std::runtime_error(std::string("parameter '") + key +
                             "' must be a positive number of days, got " +
                             std::to_string(days));
  return days;
}

}  // namespace

std::vector<std::string> default_segment_names() {
  return {"Très bons clients", "Bons clients", "Clients occasionnels",
          "Clients très occasionnels"};
}

Parameters Parameters::from(const vigie::sdk::Config& config) {
  Parameters p;
  std::string window = config.string("activity_window", "90");
  if (window.empty()) window = "90";
  if (window == "auto")
    p.activity_window_days.reset();
  else
    p.activity_window_days = positive_days(config, "activity_window", 90);
  p.alert_1m_days = positive_days(config, "alert_1m_days", 30);
  p.alert_2m_days = positive_days(config, "alert_2m_days", 60);
  if (p.alert_2m_days <= p.alert_1m_days)
    throw std::runtime_error(
        "parameter 'alert_2m_days' must be greater than 'alert_1m_days'");
  p.rfm_window_days = positive_days(config, "rfm_window_days", 365);
  p.recent_days = positive_days(config, "recent_days", 180);
  p.segment_names = config.list("segment_names");
  // A list option has no default the engine could fill in: apply ours.
  if (p.segment_names.empty()) p.segment_names = default_segment_names();
  p.discount_rate = config.number("discount_rate", 0.10);
  if (p.discount_rate < 0)
    throw std::runtime_error("parameter 'discount_rate' must not be negative");
  return p;
}

}  // namespace customer_base
