#include "deliver/headline_kpis.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "locale/locale.hpp"
#include "locale/number_format.hpp"

namespace vigie::deliver {
namespace {

using nlohmann::json;

constexpr const char* kSchema = "vigie.kpis/1";

json read_kpis_json(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  json doc = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    throw std::runtime_error(file.string() + ": not a JSON object");
  const auto schema = doc.find("schema");
  if (schema == doc.end() || *schema != kSchema)
    throw std::runtime_error(file.string() + ": not a " + std::string(kSchema) +
                             " file");
  return doc;
}

std::optional<double> number(const json& kpi, const char* key) {
  const auto it = kpi.find(key);
  if (it == kpi.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string text(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

std::vector<HeadlineKpi> headline_kpis(const std::filesystem::path& kpis_json,
                                       const std::string& locale,
                                       const std::string& currency) {
  const json doc = read_kpis_json(kpis_json);
  const auto kpis = doc.find("kpis");
  if (kpis == doc.end() || !kpis->is_array())
    throw std::runtime_error(kpis_json.string() + ": no kpis array");
  // The time zone only matters for times, which no value KPI has.
  const std::string zone =
      text(doc.value("report", json::object()), "time_zone");
  const locale::Locale words(locale, zone.empty() ? "UTC" : zone, currency);
  std::vector<HeadlineKpi> out;
  for (const auto& k : *kpis) {
    if (!k.is_object() || text(k, "kind") != "value") continue;
    const std::string unit = text(k, "unit");
    HeadlineKpi h;
    h.label = text(k, "label");
    h.value = locale::format_value(number(k, "value"), unit, words);
    h.change = locale::format_change(number(k, "change"),
                                     number(k, "change_ratio"), unit, words);
    const std::string status = text(k, "status");  // null: no target
    if (status == "ok" || status == "warning" || status == "alert")
      h.status = status;
    out.push_back(std::move(h));
  }
  return out;
}

std::string period_label(const std::filesystem::path& kpis_json) {
  const json doc = read_kpis_json(kpis_json);
  const json report = doc.value("report", json::object());
  const std::string label =
      text(report.value("period", json::object()), "label");
  if (label.empty())
    throw std::runtime_error(kpis_json.string() + ": no report.period.label");
  return label;
}

std::vector<std::string> alert_labels(const std::vector<HeadlineKpi>& kpis) {
  std::vector<std::string> out;
  for (const auto& k : kpis)
    if (k.status == "alert") out.push_back(k.label);
  return out;
}

}  // namespace vigie::deliver
