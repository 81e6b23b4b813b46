#include "pipeline/executive_summary.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "locale/catalog.hpp"
#include "pipeline/kpi_blocks.hpp"

namespace vigie::pipeline {
namespace {

using compute::KpiResult;

// Rows of the attention table: more would push it past the page; the
// rest are named by count.
constexpr size_t kMaxAttention = 6;

bool is_value(const KpiResult& k) {
  return k.kind == plugin_host::OutputKind::Value;
}

const KpiResult* find(const std::vector<KpiResult>& kpis,
                      const std::string& id) {
  for (const auto& k : kpis)
    if (k.id == id) return &k;
  return nullptr;
}

std::vector<const KpiResult*> headline(const std::vector<spec::Section>& layout,
                                       const std::vector<KpiResult>& kpis,
                                       size_t count) {
  std::vector<const KpiResult*> out;
  std::set<std::string> seen;
  for (const auto& section : layout)
    for (const auto& block : section.blocks) {
      if (block.kind != spec::BlockKind::Tiles) continue;
      for (const auto& id : block.kpis) {
        const KpiResult* k = find(kpis, id);
        if (k != nullptr && is_value(*k) && seen.insert(id).second &&
            out.size() < count)
          out.push_back(k);
      }
    }
  if (out.empty())
    for (const auto& k : kpis)
      if (is_value(k) && out.size() < count) out.push_back(&k);
  return out;
}

}  // namespace

render::Section executive_summary(const std::vector<spec::Section>& layout,
                                  const std::vector<KpiResult>& kpis,
                                  const render::Theme& theme,
                                  const render::Locale& locale) {
  render::Section s;
  s.title = locale::text(locale, "summary.title");
  s.new_page = true;
  render::TileRow row;
  for (const KpiResult* k :
       headline(layout, kpis, 2 * static_cast<size_t>(theme.tiles_per_row)))
    row.tiles.push_back(tile_of(*k, locale, true));
  if (!row.tiles.empty()) s.blocks.emplace_back(std::move(row));

  std::vector<const KpiResult*> attention;
  bool any_target = false;
  for (const auto status : {compute::Status::Alert, compute::Status::Warning})
    for (const auto& k : kpis) {
      if (!is_value(k)) continue;
      any_target = any_target || k.target.has_value();
      if (k.status == status) attention.push_back(&k);
    }
  const std::string title = locale::text(locale, "summary.attention");
  if (attention.empty()) {
    // Said rather than left out: an empty space could be a failure.
    if (any_target)
      s.blocks.emplace_back(
          render::Note{locale::text(locale, "summary.all_on_target")});
    return s;
  }
  const size_t more =
      attention.size() > kMaxAttention ? attention.size() - kMaxAttention : 0;
  attention.resize(attention.size() - more);
  s.blocks.emplace_back(scorecard_of(attention, title, locale));
  if (more > 0)
    s.blocks.emplace_back(render::Note{locale::message(
        locale, "summary.more_attention",
        std::array{locale::Arg::of_number("count", locale::ArgType::Count,
                                          static_cast<double>(more))})});
  return s;
}

}  // namespace vigie::pipeline
