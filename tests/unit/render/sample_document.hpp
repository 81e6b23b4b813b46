// A report with every kind of block, in French, as the pipeline would
// fill it.
#pragma once

#include <fmt/format.h>

#include "locale/number_format.hpp"
#include "render/document.hpp"
#include "sample_charts.hpp"

namespace vigie::render::testing {

using locale::format_change;
using locale::format_value;

inline TableBlock inactive_customers(size_t rows) {
  TableBlock t;
  t.title = "Clients inactifs à relancer";
  t.header = {"Client", "Segment", "Dernier achat", "Récence (jours)",
              "Chiffre d'affaires"};
  t.numeric = {false, false, false, true, true};
  const Locale fr;
  for (size_t i = 0; i < rows; ++i) {
    t.rows.push_back(
        {fmt::format("C-{:05}", 1000 + i),
         i % 3 == 0 ? "Clients très occasionnels" : "Réguliers",
         fmt::format("2026-0{}-{:02}", 1 + i % 8, 1 + i % 28),
         format_value(static_cast<double>(60 + i % 90), "count", fr),
         format_value(1234.5 * static_cast<double>(i + 1), "currency", fr)});
  }
  return t;
}

// Seven columns, one of them the revenue of the best customers, long as
// a finance table gets: the management report's value segments.
inline TableBlock value_segments() {
  const Locale fr;
  TableBlock t;
  t.title = "Segments de valeur (RFM, 12 mois)";
  t.header = {"Segment",          "Customers",      "Revenue",
              "Revenue share",    "Mean frequency", "Mean basket",
              "Mean recency days"};
  t.numeric = {false, true, true, true, true, true, true};
  const struct {
    const char* name;
    double customers, revenue, share, frequency, basket, recency;
  } segments[] = {
      {"Très bons clients", 2795, 17349042.01, 0.8112, 13.5027, 459.699,
       59.2427},
      {"Bons clients", 2794, 2934548.26, 0.1372, 4.5168, 232.5316, 108.3934},
      {"Clients occasionnels", 2794, 923480.79, 0.0432, 2.4699, 133.8184,
       145.1413},
      {"Clients très occasionnels", 2794, 179672.28, 0.0084, 1.3572, 47.3819,
       177.0763},
  };
  for (const auto& s : segments) {
    t.rows.push_back({s.name, format_value(s.customers, "count", fr),
                      format_value(s.revenue, "currency", fr),
                      format_value(s.share, "ratio", fr),
                      format_value(s.frequency, "", fr),
                      format_value(s.basket, "currency", fr),
                      format_value(s.recency, "days", fr)});
  }
  return t;
}

// Ten columns with long headers: the self-care table by action.
inline TableBlock self_care_by_action() {
  const Locale fr;
  TableBlock t;
  t.title = "Selfcare par acte";
  t.header = {"Action",    "Online",      "Offline",        "Digital adoption",
              "Unit cost", "Savings",     "Avoidable cost", "Pairs",
              "Rebounded", "Rebound rate"};
  t.numeric = {false, true, true, true, true, true, true, true, true, true};
  const struct {
    const char* action;
    double online, offline, adoption, unit_cost, savings, avoidable, pairs,
        rebounded, rate;
  } actions[] = {
      {"cancel_contract", 107, 370, 0.2243, 6, 588.5, 2220, 205, 68, 0.3317},
      {"change_address", 533, 512, 0.5100, 4.2, 2078.7, 2150.4, 743, 150,
       0.2019},
      {"download_invoice", 2003, 419, 0.8270, 2.1, 4106.15, 879.9, 1850, 218,
       0.1178},
      {"report_outage", 388, 639, 0.3778, 5.5, 1978.8, 3514.5, 638, 164,
       0.2571},
      {"update_payment", 537, 364, 0.5960, 3.8, 1879.5, 1383.2, 632, 102,
       0.1614},
  };
  for (const auto& a : actions) {
    t.rows.push_back({a.action, format_value(a.online, "count", fr),
                      format_value(a.offline, "count", fr),
                      format_value(a.adoption, "ratio", fr),
                      format_value(a.unit_cost, "currency", fr),
                      format_value(a.savings, "currency", fr),
                      format_value(a.avoidable, "currency", fr),
                      format_value(a.pairs, "count", fr),
                      format_value(a.rebounded, "count", fr),
                      format_value(a.rate, "ratio", fr)});
  }
  return t;
}

inline BarChart bar_chart(std::string title, std::string unit,
                          std::vector<std::string> labels,
                          std::vector<double> values,
                          BarOrientation orientation) {
  BarChart chart;
  chart.title = std::move(title);
  chart.unit = std::move(unit);
  chart.labels = std::move(labels);
  chart.values = std::move(values);
  chart.orientation = orientation;
  return chart;
}

inline LineChart line_chart(std::string title, std::string unit,
                            std::vector<std::string> labels,
                            std::vector<std::optional<double>> values) {
  LineChart chart;
  chart.title = title;
  chart.unit = std::move(unit);
  chart.labels = std::move(labels);
  chart.series = {{std::move(title), std::move(values), {}}};
  return chart;
}

// A tile as the pipeline fills it (tile_of), without a sparkline.
inline Tile make_tile(std::string label, std::string value,
                      std::string previous, std::string change, int direction,
                      int good_direction, Status status, std::string target) {
  Tile t;
  t.label = std::move(label);
  t.value = std::move(value);
  t.previous = std::move(previous);
  t.change = std::move(change);
  t.direction = direction;
  t.good_direction = good_direction;
  t.status = status;
  t.target = std::move(target);
  return t;
}

inline Document sample_document() {
  const Locale fr;
  Document doc;
  doc.title = "Tableau de bord de la relation client";
  doc.period = "Octobre 2026 (vs septembre 2026)";
  doc.generated_at = "2026-11-01 06:00 Europe/Paris";
  doc.created = "2026-11-01T06:00:00+01:00";
  doc.notes = {
      "Source CRM : 12 lignes rejetées sur 48 213 (0,02 %), détail dans "
      "rejects/crm.csv.",
      "Données web disponibles à partir du 3 octobre : les indicateurs de "
      "self-care couvrent 29 jours sur 31."};

  Section base{"Base clients", {}};
  base.blocks.push_back(TileRow{{
      make_tile("Chiffre d'affaires", format_value(1234567.891, "currency", fr),
                format_value(1184000, "currency", fr),
                format_change(50567.891, 0.0427, "currency", fr), +1, true,
                Status::Ok, format_value(1200000, "currency", fr)),
      make_tile("Clients actifs", format_value(48213, "count", fr),
                format_value(49100, "count", fr),
                format_change(-887, -0.0181, "count", fr), -1, true,
                Status::Warning, ""),
      make_tile("Taux d'attrition", format_value(0.058, "ratio", fr),
                format_value(0.045, "ratio", fr),
                format_change(0.013, 0.289, "ratio", fr), +1, -1, Status::Alert,
                format_value(0.04, "ratio", fr)),
      make_tile("Récence moyenne (jours)", format_value(41.26, "days", fr),
                format_value(41.3, "days", fr), format_change(0, 0, "days", fr),
                0, false, Status::None, ""),
  }});
  // Long labels next to a status badge: they wrap rather than be cut.
  base.blocks.push_back(TileRow{{
      make_tile("Croissance nette", format_value(-158, "count", fr),
                format_value(-465, "count", fr),
                format_change(307, 0.66, "count", fr), +1, 1, Status::None, ""),
      make_tile("Ratio de renouvellement", format_value(0.788, "ratio", fr),
                format_value(0.488, "ratio", fr),
                format_change(0.299, 0.61, "ratio", fr), +1, 1, Status::Alert,
                format_value(1, "ratio", fr)),
      make_tile("Taux de rebond web → appel", format_value(0.173, "ratio", fr),
                format_value(0.171, "ratio", fr),
                format_change(0.002, 0.01, "ratio", fr), +1, -1,
                Status::Warning, format_value(0.1, "ratio", fr)),
      make_tile("Valeur client prédictive", format_value(98.01, "currency", fr),
                format_value(117.44, "currency", fr),
                format_change(-19.43, -0.165, "currency", fr), -1, 1,
                Status::Ok, ""),
  }});
  LineChart revenue;
  revenue.title = "Chiffre d'affaires mensuel";
  revenue.unit = "currency";
  revenue.labels = {"nov. 25",  "déc. 25", "janv. 26", "févr. 26",
                    "mars 26",  "avr. 26", "mai 26",   "juin 26",
                    "juil. 26", "août 26", "sept. 26", "oct. 26"};
  revenue.series = {{"Chiffre d'affaires",
                     {1020000, 1110000, 980000, 1005000, std::nullopt, 1090000,
                      1150000, 1130000, 990000, 1060000, 1184000, 1234567.89},
                     {}}};
  revenue.target = 1200000;
  base.blocks.push_back(std::move(revenue));
  base.blocks.push_back(Note{
      "Mars 2026 manque : l'export CRM de ce mois était incomplet et a été "
      "écarté."});
  doc.sections.push_back(std::move(base));

  Section segments{"Segments et canaux", {}};
  segments.blocks.push_back(bar_chart(
      "Chiffre d'affaires par segment", "currency",
      {"Clients très occasionnels", "Occasionnels", "Réguliers", "Fidèles",
       "Ambassadeurs"},
      {152340.5, 310220, 402118.2, 298764, 71125}, BarOrientation::Horizontal));
  segments.blocks.push_back(
      bar_chart("Contacts par canal", "count",
                {"Web", "Appli", "Téléphone", "Agence", "Courrier"},
                {18250, 9420, 6310, 2210, 340}, BarOrientation::Vertical));
  segments.blocks.push_back(bar_chart("Solde net de clients par canal", "count",
                                      {"Web", "Appli", "Téléphone", "Agence"},
                                      {420, 1310, -260, -890},
                                      BarOrientation::Auto));
  LineChart self_care;
  self_care.title = "Taux de self-care";
  self_care.unit = "ratio";
  self_care.series.push_back({"Taux de self-care", {}, {}});
  const char* months[] = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                          "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
  for (int i = 0; i < 36; ++i) {
    self_care.labels.push_back(
        fmt::format("{} {}", months[(i + 10) % 12], 23 + (i + 10) / 12));
    self_care.series[0].values.push_back(0.42 + 0.004 * i +
                                         (i % 5 == 0 ? 0.03 : 0));
  }
  segments.blocks.push_back(std::move(self_care));
  doc.sections.push_back(std::move(segments));

  Section lists{"Listes opérationnelles", {}};
  lists.blocks.push_back(value_segments());
  lists.blocks.push_back(self_care_by_action());
  lists.blocks.push_back(inactive_customers(60));
  doc.sections.push_back(std::move(lists));

  // Every other kind of chart, last: the pages above keep their numbers.
  Section charts{"Graphiques", {}};
  charts.blocks.push_back(sample_sparkline_tiles());
  charts.blocks.push_back(sample_line_chart());
  charts.blocks.push_back(sample_area_chart());
  charts.blocks.push_back(sample_stacked_bar_chart(false));
  charts.blocks.push_back(sample_stacked_bar_chart(true));
  charts.blocks.push_back(sample_donut_chart());
  charts.blocks.push_back(sample_funnel_chart());
  charts.blocks.push_back(sample_heatmap());
  charts.blocks.push_back(sample_waterfall_chart());
  charts.blocks.push_back(sample_bullet_chart());
  charts.blocks.push_back(sample_small_multiples());
  charts.blocks.push_back(sample_styled_table());
  doc.sections.push_back(std::move(charts));
  return doc;
}

}  // namespace vigie::render::testing
