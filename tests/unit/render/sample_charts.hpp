// One chart of each kind as the pipeline would fill it, in French, and
// the edge cases every chart must draw without breaking its page: no data,
// one point, negative values, all zeros, very large and very small
// figures, 40-character labels, 60 categories, no previous period.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "render/document.hpp"

namespace vigie::render::testing {

inline std::vector<std::string> twelve_months() {
  return {"nov. 25", "déc. 25", "janv. 26", "févr. 26", "mars 26",  "avr. 26",
          "mai 26",  "juin 26", "juil. 26", "août 26",  "sept. 26", "oct. 26"};
}

// A label of exactly 40 characters.
inline std::string long_label(int i) {
  return fmt::format("Parcours client numéro {:02} très détaillés", i);
}

inline std::vector<std::optional<double>> wave(double base, double amplitude,
                                               size_t n, double phase = 0) {
  std::vector<std::optional<double>> out;
  for (size_t i = 0; i < n; ++i) {
    out.emplace_back(base + amplitude *
                                std::sin(static_cast<double>(i) * 0.6 + phase));
  }
  return out;
}

inline LineChart sample_line_chart() {
  LineChart c;
  c.title = "Visites et visiteurs, 12 derniers mois";
  c.unit = "count";
  c.labels = twelve_months();
  c.series = {{"Visites", wave(42000, 6000, 12), wave(39000, 5000, 12, 0.4)},
              {"Visiteurs uniques", wave(25000, 3000, 12, 1),
               wave(23500, 2500, 12, 1.3)}};
  c.comparison_name = "Année précédente";
  c.target = 45000;
  c.axes = {"Mois", "Nombre"};
  return c;
}

inline LineChart sample_area_chart() {
  LineChart c;
  c.title = "Contacts par canal, 12 derniers mois";
  c.unit = "count";
  c.area = true;
  c.labels = twelve_months();
  c.series = {{"Web", wave(18000, 2000, 12), {}},
              {"Téléphone", wave(9000, 1500, 12, 2), {}},
              {"Agence", wave(3000, 500, 12, 4), {}}};
  c.axes = {"Mois", "Nombre"};
  return c;
}

inline BarChart sample_bar_chart(BarOrientation orientation) {
  BarChart c;
  c.title = "Chiffre d'affaires par segment de valeur";
  c.unit = "currency";
  c.labels = {"Très bons clients", "Bons clients", "Clients occasionnels",
              "Clients très occasionnels"};
  c.values = {17349042.01, 2934548.26, 923480.79, 179672.28};
  c.orientation = orientation;
  c.axes = {"Segment", "Montant (€)"};
  return c;
}

inline StackedBarChart sample_stacked_bar_chart(bool percent) {
  StackedBarChart c;
  c.title = percent ? "Part en ligne des actes de selfcare"
                    : "Actes de selfcare : en ligne et par téléphone";
  c.unit = "count";
  c.labels = {"Déménagement", "Paiement", "Facture", "Panne", "Résiliation"};
  c.series = {"En ligne", "Par téléphone"};
  c.values = {{1480, 960, 2210, 430, 107}, {520, 610, 330, 780, 370}};
  c.percent = percent;
  c.axes = {"Acte", percent ? "Taux (%)" : "Nombre"};
  return c;
}

inline DonutChart sample_donut_chart() {
  DonutChart c;
  c.title = "Visites par appareil";
  c.unit = "count";
  c.labels = {"Ordinateur", "Mobile", "Tablette",       "Télévision",
              "Console",    "Montre", "Autre appareil", "Voiture"};
  c.values = {21840, 16320, 3120, 410, 220, 90, 60, 12};
  return c;
}

inline FunnelChart sample_funnel_chart() {
  FunnelChart c;
  c.title = "Tunnel d'achat";
  c.unit = "count";
  c.labels = {"Produit", "Panier", "Commande", "Achat"};
  c.values = {12480, 4310, 2205, 1870};
  return c;
}

inline Heatmap sample_heatmap() {
  Heatmap h;
  h.title = "Satisfaction par étape et canal";
  h.unit = "ratio";
  h.rows = {"Découverte", "Souscription", "Mise en service",
            "Usage",      "Support",      "Renouvellement"};
  h.columns = {"Web", "Appli", "Téléphone", "Agence"};
  for (size_t r = 0; r < h.rows.size(); ++r) {
    std::vector<std::optional<double>> row;
    for (size_t c = 0; c < h.columns.size(); ++c) {
      if (r == 2 && c == 3) {
        row.emplace_back();  // no survey there
      } else {
        row.emplace_back(0.52 +
                         0.07 * std::sin(static_cast<double>(r * 4 + c)) +
                         0.05 * static_cast<double>(c % 2));
      }
    }
    h.values.push_back(std::move(row));
  }
  h.row_title = "Étape";
  h.column_title = "Canal";
  return h;
}

inline WaterfallChart sample_waterfall_chart() {
  WaterfallChart c;
  c.title = "Économies du selfcare par acte";
  c.unit = "currency";
  c.labels = {"Déménagement", "Paiement", "Facture", "Panne", "Résiliation"};
  c.values = {5768.4, 3420.1, 4526.5, -640.0, 588.5};
  c.axes = {"Acte", "Montant (€)"};
  return c;
}

inline BulletChart sample_bullet_chart() {
  BulletChart c;
  c.title = "Objectifs du mois";
  Bullet revenue;
  revenue.label = "Chiffre d'affaires";
  revenue.unit = "currency";
  revenue.value = 1734000;
  revenue.previous = 1650000;
  revenue.target = 1800000;
  revenue.warning = 1650000;
  revenue.alert = 1500000;
  revenue.status = Status::Warning;
  Bullet churn;
  churn.label = "Taux d'attrition";
  churn.unit = "ratio";
  churn.value = 0.072;
  churn.previous = 0.081;
  churn.target = 0.08;
  churn.warning = 0.10;
  churn.alert = 0.15;
  churn.higher_is_better = false;
  churn.status = Status::Ok;
  Bullet service;
  service.label = "Niveau de service";
  service.unit = "ratio";
  service.value = 0.58;
  service.previous = 0.66;
  service.target = 0.80;
  service.warning = 0.75;
  service.alert = 0.60;
  service.status = Status::Alert;
  c.bullets = {revenue, churn, service};
  return c;
}

inline SmallMultiples sample_small_multiples() {
  SmallMultiples c;
  c.title = "Appels par file, 12 derniers mois";
  c.unit = "count";
  c.labels = twelve_months();
  const char* names[] = {"Facturation", "Technique", "Commercial",
                         "Résiliation", "Déménagement"};
  for (int i = 0; i < 5; ++i) {
    c.panels.push_back({names[i], wave(1500 + 700.0 * i, 300, 12, i),
                        wave(1400 + 700.0 * i, 250, 12, i + 0.5)});
  }
  c.comparison_name = "Année précédente";
  c.axes = {"Mois", "Appels"};
  return c;
}

inline TileRow sample_sparkline_tiles() {
  TileRow row;
  const struct {
    const char* label;
    const char* value;
    const char* change;
    int direction;
    double base;
  } tiles[] = {
      {"Chiffre d'affaires", "1 734 000,00 €", "+5,1 %", 1, 1.6e6},
      {"Commandes", "14 210", "-2,3 %", -1, 14000},
      {"Panier moyen", "122,03 €", "+7,5 %", 1, 115},
      {"Clients actifs", "48 213", "0,0 %", 0, 48000},
  };
  for (const auto& t : tiles) {
    Tile tile;
    tile.label = t.label;
    tile.value = t.value;
    tile.previous = "—";
    tile.change = t.change;
    tile.direction = t.direction;
    tile.sparkline = wave(t.base, t.base * 0.08, 12, t.base);
    row.tiles.push_back(tile);
  }
  return row;
}

// A table with status colours on its rebound rate and bars in its
// savings column.
inline TableBlock sample_styled_table() {
  TableBlock t;
  t.title = "Selfcare par acte";
  t.header = {"Acte", "Économies", "Taux de rebond"};
  t.numeric = {false, true, true};
  const struct {
    const char* action;
    const char* savings;
    double bar;
    const char* rate;
    Status status;
  } rows[] = {
      {"Déménagement", "5 768,40 €", 1.0, "9,2 %", Status::Ok},
      {"Paiement", "3 420,10 €", 0.593, "11,4 %", Status::Warning},
      {"Facture", "4 526,50 €", 0.785, "8,1 %", Status::Ok},
      {"Panne", "-640,00 €", -0.111, "17,9 %", Status::Alert},
      {"Résiliation", "588,50 €", 0.102, "33,2 %", Status::Alert},
  };
  for (const auto& r : rows) {
    t.rows.push_back({r.action, r.savings, r.rate});
    t.styles.push_back({{}, {Status::None, r.bar}, {r.status, std::nullopt}});
  }
  return t;
}

// ---- edge cases

// `n` categories named by long 40-character labels, values 1..n.
inline std::vector<std::string> long_labels(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(long_label(static_cast<int>(i)));
  return out;
}

inline std::vector<double> counts(size_t n, double scale = 1) {
  std::vector<double> out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(scale * static_cast<double>((i * 37) % 61 + 1));
  }
  return out;
}

}  // namespace vigie::render::testing
