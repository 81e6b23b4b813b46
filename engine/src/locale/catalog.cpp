#include "locale/catalog.hpp"

#include <algorithm>
#include <array>

namespace vigie::locale {
namespace {

// Ids: "<who>.<what>". Engine words first, then each built-in plugin's
// notes ("<plugin>.<note>") and KPI labels ("kpi.<plugin>.<kpi>", used
// when a spec gives a KPI no label). A plugin of another repository keeps
// its own words (its descriptor's labels, notes given as prose).
constexpr std::array kCatalog = std::to_array<CatalogEntry>({
    // Values and tables.
    {"value.none", "n/a", "n/a"},
    {"value.yes", "oui", "yes"},
    {"value.no", "non", "no"},
    {"table.continued", "(suite)", "(continued)"},
    {"table.more_rows", "… et {count} autre(s) ligne(s), dans {file}.",
     "… and {count} more row(s), in {file}."},
    // A note of an indicator printed under its tiles.
    {"tile.note", "{label} : {note}", "{label} : {note}"},
    {"tile.previous", "Précédent", "Previous"},
    {"tile.target", "Objectif", "Target"},
    {"status.ok", "OK", "OK"},
    {"status.warning", "Attention", "Warning"},
    {"status.alert", "Alerte", "Alert"},
    // Between a word and its value: "Objectif : 5", "Target: 5".
    {"punctuation.colon", "\u00a0: ", ": "},
    {"chart.actual", "Réalisé", "Actual"},
    // Cover and footer.
    {"cover.period", "{period} (comparé à {previous})",
     "{period} (vs {previous})"},
    // A week of a weekly report: "semaine 44 (26 oct. – 1 nov. 2026)".
    {"period.week", "semaine {week} ({first} – {last})",
     "week {week} ({first} – {last})"},
    {"period.week_short", "S{week}", "W{week}"},
    {"cover.generated", "Généré le", "Generated on"},
    {"cover.notes", "Qualité des données", "Data quality"},
    {"cover.contents", "Sommaire", "Contents"},
    {"footer.page", "page", "page"},
    // Notes of the engine.
    {"privacy.withheld",
     "{count} client(s) non listé(s) faute de consentement.",
     "{count} customer(s) not listed for lack of consent."},
    {"quality.source_empty",
     "Qualité des données : la source '{source}' n'a fourni aucune ligne.",
     "Data quality: source '{source}' has no rows."},
    {"quality.rejected",
     "Qualité des données : {rejected} ligne(s) rejetée(s) sur {read} "
     "lue(s) ; le détail est dans rejects.csv.",
     "Data quality: {rejected} of {read} rows rejected; see rejects.csv."},
    // self_care's notes.
    {"customer_base.cac_needs_months",
     "les dépenses marketing sont données par mois : une période qui n'est "
     "pas faite de mois entiers n'a pas de coût d'acquisition.",
     "marketing spend is given by month: a period that is not made of whole "
     "months has no acquisition cost."},
    {"self_care.rebound_calls_end_before_period_end",
     "Un appel jusqu'à {window} h après un événement web compte, même après "
     "la fin de la période, mais les données d'appels s'arrêtent avant cette "
     "fin : les derniers événements web peuvent encore rebondir.",
     "A call up to {window} h after a web event counts, even after the end "
     "of the period, but the calls data stop before its end: the latest web "
     "events may still rebound."},
    {"self_care.rebound_calls_end_within_window",
     "Un appel jusqu'à {window} h après un événement web compte, même après "
     "la fin de la période ; les données d'appels s'arrêtent {after} h après "
     "cette fin, donc les événements web des {open} dernières heures de la "
     "période peuvent encore rebondir.",
     "A call up to {window} h after a web event counts, even after the end "
     "of the period; the calls data stop {after} h after its end, so web "
     "events of the last {open} h of the period may still rebound."},
    // customer_base's KPI labels.
    {"kpi.customer_base.revenue", "Chiffre d'affaires", "Revenue"},
    {"kpi.customer_base.margin", "Marge", "Margin"},
    {"kpi.customer_base.margin_rate", "Taux de marge", "Margin rate"},
    {"kpi.customer_base.orders", "Commandes", "Orders"},
    {"kpi.customer_base.avg_basket", "Panier moyen", "Average basket"},
    {"kpi.customer_base.buyers", "Acheteurs", "Buyers"},
    {"kpi.customer_base.active_customers", "Clients actifs",
     "Active customers"},
    {"kpi.customer_base.new_customers", "Nouveaux clients", "New customers"},
    {"kpi.customer_base.recent_customers", "Clients récents",
     "Recent customers"},
    {"kpi.customer_base.lost_customers", "Clients perdus", "Lost customers"},
    {"kpi.customer_base.churn_rate", "Taux d'attrition", "Churn rate"},
    {"kpi.customer_base.net_customer_growth", "Croissance nette",
     "Net customer growth"},
    {"kpi.customer_base.renewal_ratio", "Renouvellement", "Renewal ratio"},
    {"kpi.customer_base.mean_recency_days", "Récence moyenne", "Mean recency"},
    {"kpi.customer_base.clv_historic", "Valeur client historique",
     "Historic CLV"},
    {"kpi.customer_base.clv_margin", "Valeur client historique (marge)",
     "Historic CLV (margin)"},
    {"kpi.customer_base.clv_predictive", "Valeur client prédictive",
     "Predictive CLV"},
    {"kpi.customer_base.cac", "Coût d'acquisition", "Acquisition cost"},
    {"kpi.customer_base.clv_to_cac", "Valeur client / coût d'acquisition",
     "CLV / CAC"},
    {"kpi.customer_base.activity_window_days", "Fenêtre d'activité",
     "Activity window"},
    {"kpi.customer_base.value_segments", "Segments de valeur",
     "Value segments"},
    {"kpi.customer_base.rfm_scores", "Scores RFM", "RFM scores"},
    {"kpi.customer_base.cac_by_channel", "Coût d'acquisition par canal",
     "CAC by channel"},
    {"kpi.customer_base.alert_1m", "Inactifs depuis 1 mois",
     "Inactive for 1 month"},
    {"kpi.customer_base.alert_2m", "Inactifs depuis 2 mois",
     "Inactive for 2 months"},
    // self_care's KPI labels.
    {"kpi.self_care.self_care_savings", "Économies du selfcare",
     "Self-care savings"},
    {"kpi.self_care.digital_adoption", "Adoption du digital",
     "Digital adoption"},
    {"kpi.self_care.avoidable_calls", "Appels évitables", "Avoidable calls"},
    {"kpi.self_care.avoidable_cost", "Coût évitable", "Avoidable cost"},
    {"kpi.self_care.rebound_rate", "Taux de rebond vers l'appel",
     "Channel rebound rate"},
    {"kpi.self_care.identified_call_share", "Appels entrants identifiés",
     "Identified inbound calls"},
    {"kpi.self_care.online_actions", "Actes de selfcare en ligne",
     "Online self-care acts"},
    {"kpi.self_care.self_care_by_action", "Selfcare par action",
     "Self-care by action"},
    {"kpi.self_care.failed_journeys", "Parcours de selfcare en échec",
     "Failed self-care journeys"},
    // web_analytics's KPI labels.
    {"kpi.web_analytics.visits", "Visites", "Visits"},
    {"kpi.web_analytics.unique_visitors", "Visiteurs uniques",
     "Unique visitors"},
    {"kpi.web_analytics.unique_people", "Personnes uniques", "Unique people"},
    {"kpi.web_analytics.bounce_rate", "Taux de rebond", "Bounce rate"},
    {"kpi.web_analytics.pages_per_visit", "Pages par visite",
     "Pages per visit"},
    {"kpi.web_analytics.avg_visit_duration", "Durée moyenne de visite",
     "Average visit duration"},
    {"kpi.web_analytics.load_time_p50", "Temps de chargement médian",
     "Load time, median"},
    {"kpi.web_analytics.load_time_p95", "Temps de chargement, 95e centile",
     "Load time, 95th percentile"},
    {"kpi.web_analytics.load_time_by_group",
     "Temps de chargement par groupe de pages", "Load time by page group"},
    {"kpi.web_analytics.visits_by_device", "Visites par appareil",
     "Visits by device"},
    {"kpi.web_analytics.cross_device_customers", "Clients multi-appareils",
     "Cross-device customers"},
    {"kpi.web_analytics.cross_device_share", "Part de clients multi-appareils",
     "Cross-device share"},
    {"kpi.web_analytics.life_moments", "Moments de vie", "Life moments"},
    {"kpi.web_analytics.life_moment_list", "Clients en moment de vie",
     "Life-moment list"},
    {"kpi.web_analytics.top_paths", "Parcours types", "Typical paths"},
    // report_usage's KPI labels.
    {"kpi.report_usage.reports_generated", "Rapports générés",
     "Reports generated"},
    {"kpi.report_usage.runs_failed", "Exécutions en échec", "Failed runs"},
    {"kpi.report_usage.deliveries_delivered", "E-mails remis",
     "E-mails delivered"},
    {"kpi.report_usage.deliveries_failed", "E-mails non remis",
     "E-mails not delivered"},
    {"kpi.report_usage.recipients_reached", "Destinataires atteints",
     "Recipients reached"},
    {"kpi.report_usage.delivery_rate", "Taux de remise", "Delivery rate"},
    {"kpi.report_usage.usage_by_report", "Usage par rapport",
     "Usage by report"},
    // experience (KPI-CATALOG.md section 7).
    {"kpi.experience.nps", "NPS", "NPS"},
    {"kpi.experience.csat", "Satisfaction (CSAT)", "CSAT"},
    {"kpi.experience.touchpoints", "Matrice des points de contact",
     "Touchpoint matrix"},
    {"kpi.experience.irritants", "Irritants", "Irritants"},
    {"kpi.experience.journey_curve", "Courbe émotionnelle", "Journey curve"},
});

}  // namespace

std::span<const CatalogEntry> catalog() { return kCatalog; }

const CatalogEntry* find_message(std::string_view id) {
  const auto* found =
      std::find_if(kCatalog.begin(), kCatalog.end(),
                   [&](const CatalogEntry& e) { return e.id == id; });
  return found == kCatalog.end() ? nullptr : found;
}

}  // namespace vigie::locale
