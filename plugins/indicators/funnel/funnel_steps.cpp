#include "funnel_steps.hpp"

#include <stdexcept>
#include <string_view>

namespace vigie::funnel {

namespace {

[[noreturn]] void refuse(const std::string& key, const std::string& text,
                         const std::string& why) {
  throw std::runtime_error(
      "option '" + key + "' must be a funnel step: event:TYPE, page:PATTERN, " +
      "action:CODE or purchase, got '" + text + "'" +
      (why.empty() ? "" : " (" + why + ")"));
}

}  // namespace

Step parse_step(const std::string& key, const std::string& text) {
  Step step;
  step.name = text;
  if (text == "purchase") {
    step.kind = StepKind::Purchase;
    return step;
  }
  const size_t colon = text.find(':');
  if (colon == std::string::npos) refuse(key, text, "");
  const std::string_view kind = std::string_view(text).substr(0, colon);
  step.value = text.substr(colon + 1);
  if (kind == "event")
    step.kind = StepKind::EventType;
  else if (kind == "page")
    step.kind = StepKind::Page;
  else if (kind == "action")
    step.kind = StepKind::Action;
  else
    refuse(key, text, "unknown kind '" + std::string(kind) + "'");
  if (step.value.empty()) refuse(key, text, "nothing after ':'");
  if (step.kind == StepKind::Page) {
    try {
      step.page.emplace(step.value);
    } catch (const std::runtime_error& e) {
      refuse(key, text, e.what());
    }
  }
  return step;
}

bool FunnelParameters::has_purchase_step() const {
  for (const Step& step : steps)
    if (step.kind == StepKind::Purchase) return true;
  return false;
}

void FunnelParameters::check() const {
  if (steps.size() < 2 || steps.size() > kMaxSteps)
    throw std::runtime_error("option 'steps' must list 2 to " +
                             std::to_string(kMaxSteps) + " steps, got " +
                             std::to_string(steps.size()));
}

void bind_steps(FunnelParameters& p, const sdk::Config& config,
                const vigie_option& option) {
  const std::vector<std::string> texts = config.list(option.key);
  for (size_t i = 0; i < texts.size(); ++i)
    p.steps.push_back(parse_step(
        std::string(option.key) + "." + std::to_string(i), texts[i]));
}

void bind_step_names(FunnelParameters& p, const sdk::Config& config,
                     const vigie_option& option) {
  const std::vector<std::string> names = config.list(option.key);
  if (names.empty()) return;  // each step is named by its predicate
  if (names.size() != p.steps.size())
    throw std::runtime_error("option 'step_names' must name every step: " +
                             std::to_string(p.steps.size()) + " steps, got " +
                             std::to_string(names.size()) + " names");
  for (size_t i = 0; i < names.size(); ++i) p.steps[i].name = names[i];
}

}  // namespace vigie::funnel
