#include "serve/send_when.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace vigie::serve {

bool worth_sending(spec::SendWhen when, const std::filesystem::path& dir) {
  if (when == spec::SendWhen::Always) return true;
  std::ifstream in(dir / "kpis.json");
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.contains("kpis")) return true;
  for (const auto& kpi : doc["kpis"]) {
    if (when == spec::SendWhen::Alert) {
      if (kpi.value("status", nlohmann::json()) == "alert") return true;
      continue;
    }
    const auto kind = kpi.value("kind", std::string());
    if (kind == "value" && !kpi.value("value", nlohmann::json()).is_null())
      return true;
    if (kind != "value" && kpi.contains("rows") && !kpi["rows"].empty())
      return true;
  }
  return false;
}

}  // namespace vigie::serve
