#include "locale/catalog.hpp"

#include <array>
#include <unordered_map>
#include <vector>

#include "locale/catalog_parts.hpp"

namespace vigie::locale {
namespace {

// Ids: "<who>.<what>". Engine words first, then each built-in plugin's
// notes ("<plugin>.<note>") and KPI labels ("kpi.<plugin>.<kpi>", used
// when a spec gives a KPI no label). Column headers and the values of the
// data are in catalog_columns.cpp and catalog_terms.cpp. A plugin of
// another repository keeps its own words (its descriptor's labels, notes
// given as prose), or has the engine's where it uses the same names.
constexpr std::array kMessages = std::to_array<CatalogEntry>({
    // Values and tables.
    {"value.none", "n/a", "n/a"},
    {"value.yes", "oui", "yes"},
    {"value.no", "non", "no"},
    {"table.continued", "(suite)", "(continued)"},
    {"table.rows_of_total", "lignes {first}–{last} sur {total}",
     "rows {first}–{last} of {total}"},
    {"table.more_rows", "… et {count} autre(s) ligne(s), dans {file}.",
     "… and {count} more row(s), in {file}."},
    // A note of an indicator printed under its tiles.
    {"tile.note", "{label} : {note}", "{label}: {note}"},
    {"tile.previous", "Précédent", "Previous"},
    {"tile.target", "Objectif", "Target"},
    {"status.ok", "OK", "OK"},
    {"status.warning", "Attention", "Warning"},
    {"status.alert", "Alerte", "Alert"},
    // Between a word and its value: "Objectif : 5", "Target: 5".
    {"punctuation.colon", "\u00a0: ", ": "},
    // A change of a ratio or a score, in points: "+1,3 pt", "+1.3 pts".
    {"change.points", "{value}\u202fpt", "{value}\u00a0pts"},
    {"chart.actual", "Réalisé", "Actual"},
    // Charts: what a chart writes when it has nothing to draw, the bar or
    // slice the smallest categories are summed into, the dashed lines of
    // the comparison period, a waterfall's last bar, a funnel's
    // conversions, and the titles of the axes.
    {"chart.no_data", "Aucune donnée pour cette période",
     "No data for this period"},
    {"chart.others", "Autres ({count})", "Others ({count})"},
    {"chart.not_shown", "… et {count} autre(s), non affiché(s)",
     "… and {count} more, not shown"},
    {"chart.previous_period", "Période précédente", "Previous period"},
    {"chart.previous_year", "Année précédente", "Previous year"},
    {"chart.total", "Total", "Total"},
    {"chart.increase", "Hausse", "Increase"},
    {"chart.decrease", "Baisse", "Decrease"},
    {"chart.funnel_step", "{rate} de l'étape précédente",
     "{rate} of the previous step"},
    {"chart.funnel_overall", "{rate} de la première", "{rate} of the first"},
    // The columns of a kpi_table block (the previous value and the target
    // are the tiles' words).
    {"kpi_table.kpi", "Indicateur", "Indicator"},
    {"kpi_table.value", "Valeur", "Value"},
    {"kpi_table.change", "Évolution", "Change"},
    {"axis.month", "Mois", "Month"},
    {"axis.week", "Semaine", "Week"},
    {"axis.day", "Jour", "Day"},
    {"axis.currency", "Montant ({currency})", "Amount ({currency})"},
    {"axis.count", "Nombre", "Count"},
    {"axis.ratio", "Taux (%)", "Rate (%)"},
    {"axis.days", "Jours", "Days"},
    {"axis.seconds", "Secondes", "Seconds"},
    {"axis.ms", "Millisecondes", "Milliseconds"},
    {"axis.score", "Points", "Points"},
    {"axis.multiple", "Multiple", "Multiple"},
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
    // The executive summary a template may put first.
    {"summary.title", "Synthèse", "Executive summary"},
    {"summary.attention", "Points d'attention", "Points of attention"},
    {"summary.all_on_target",
     "Tous les indicateurs qui ont un objectif l'atteignent sur la période.",
     "Every KPI with a target meets it this period."},
    {"summary.more_attention",
     "Et {count} autre(s) indicateur(s) hors objectif : voir les sections "
     "du rapport.",
     "And {count} more KPI(s) off target: see the report's sections."},
    // The tables of the HTML report: the box that filters their rows, what
    // it leaves ({shown} and {total} are filled by the page's script), and
    // the hint of a header that sorts.
    {"html.filter", "Filtrer les lignes…", "Filter rows…"},
    {"html.rows_shown", "{shown} ligne(s) sur {total}",
     "{shown} of {total} row(s)"},
    {"html.sort", "Trier par cette colonne", "Sort by this column"},
    // Notes of the engine.
    {"privacy.withheld",
     "{count} client(s) non listé(s) faute de consentement.",
     "{count} customer(s) not listed for lack of consent."},
    {"quality.source_empty",
     "Qualité des données : la source {source} n'a fourni aucune ligne.",
     "Data quality: source {source} has no rows."},
    {"quality.rejected",
     "Qualité des données : {rejected} ligne(s) rejetée(s) sur {read} "
     "lue(s) ; le détail est dans rejects.csv.",
     "Data quality: {rejected} of {read} rows rejected; see rejects.csv."},
    {"quality.title", "Qualité des données", "Data quality"},
    {"quality.period_asked",
     "Période demandée : du {start} au {end}. Pour chaque source : lignes "
     "lues, rejetées, identifiants sans client, première et dernière date "
     "trouvées.",
     "Period asked: {start} to {end}. For each source: rows read, rejected, "
     "ids matching no customer, first and last time found."},
    {"quality.column.source", "Source", "Source"},
    {"quality.column.read", "Lues", "Read"},
    {"quality.column.rejected", "Rejetées", "Rejected"},
    {"quality.column.unmatched", "Sans client", "Unmatched ids"},
    {"quality.column.first", "Première date", "First"},
    {"quality.column.last", "Dernière date", "Last"},
    {"quality.stops_early",
     "Attention : la source {source} s'arrête le {last}, avant la fin de "
     "la période ({end}) ; ses chiffres de la période sont incomplets.",
     "Warning: source {source} stops at {last}, before the end of the "
     "period ({end}); its figures for the period are incomplete."},
    {"quality.repaired",
     "{source} : {count} valeur(s) en UTF-8 invalide réparée(s) (chaque "
     "séquence invalide remplacée par U+FFFD).",
     "{source}: {count} value(s) of invalid UTF-8 repaired (each invalid "
     "sequence replaced by U+FFFD)."},
    {"quality.reason",
     "{source} : {count} ligne(s) rejetée(s) : {reason} (première : "
     "{where}).",
     "{source}: {count} row(s) rejected: {reason} (first: {where})."},
    {"quality.unmatched",
     "Qualité des données : {unmatched} identifiant(s) de la source "
     "{source} (sur {read} ligne(s)) ne correspondent à aucun client.",
     "Data quality: {unmatched} id(s) of source {source} (of {read} "
     "rows) match no customer."},
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
    // products's KPI labels.
    {"kpi.products.product_revenue", "Chiffre d'affaires produits",
     "Product revenue"},
    {"kpi.products.units_sold", "Unités vendues", "Units sold"},
    {"kpi.products.products_sold", "Produits vendus", "Products sold"},
    {"kpi.products.sales_by_category", "Ventes par catégorie",
     "Sales by category"},
    {"kpi.products.top_products", "Meilleurs produits", "Top products"},
    // call_centre's notes and KPI labels.
    {"call_centre.service_level_formula",
     "niveau de service = appels entrants décrochés après au plus "
     "{threshold} s d'attente / appels entrants offerts (abandons compris).",
     "service level = inbound calls answered after a wait of at most "
     "{threshold} s / inbound calls offered (abandoned ones included)."},
    // web_analytics's notes.
    {"web_analytics.no_load_times",
     "Aucune source des événements web ne donne de temps de chargement "
     "(colonne load_time_ms) : pas de valeur.",
     "No source of the web events gives load times (column load_time_ms): "
     "no value."},
    {"call_centre.fcr_calls_end_before_period_end",
     "Un rappel jusqu'à {window} jours après un appel compte, même après la "
     "fin de la période, mais les données d'appels s'arrêtent avant cette "
     "fin : les derniers appels peuvent encore être suivis d'un rappel.",
     "A repeat call up to {window} days after a call counts, even after the "
     "end of the period, but the calls data stop before its end: the latest "
     "calls may still be repeated."},
    {"call_centre.fcr_calls_end_within_window",
     "Un rappel jusqu'à {window} jours après un appel compte, même après la "
     "fin de la période ; les données d'appels s'arrêtent {after} jours "
     "après cette fin, donc les appels des {open} derniers jours de la "
     "période peuvent encore être suivis d'un rappel.",
     "A repeat call up to {window} days after a call counts, even after the "
     "end of the period; the calls data stop {after} days after its end, so "
     "calls of the last {open} days of the period may still be repeated."},
    {"kpi.call_centre.offered", "Appels offerts", "Offered calls"},
    {"kpi.call_centre.answered", "Appels décrochés", "Answered calls"},
    {"kpi.call_centre.abandoned", "Appels abandonnés", "Abandoned calls"},
    {"kpi.call_centre.abandonment_rate", "Taux d'abandon", "Abandonment rate"},
    {"kpi.call_centre.service_level", "Niveau de service", "Service level"},
    {"kpi.call_centre.asa", "Délai moyen de décroché",
     "Average speed of answer"},
    {"kpi.call_centre.aht", "Durée moyenne de traitement",
     "Average handling time"},
    {"kpi.call_centre.fcr", "Résolution au premier contact",
     "First contact resolution"},
    {"kpi.call_centre.calls_by_reason", "Appels par motif", "Calls by reason"},
    {"kpi.call_centre.calls_by_queue", "Appels par file", "Calls by queue"},
    {"kpi.call_centre.top_reasons", "Principaux motifs d'appel",
     "Top call reasons"},
    {"kpi.call_centre.online_reasons", "Motifs faisables en ligne",
     "Top reasons with an online equivalent"},
    // funnel's KPI labels.
    {"kpi.funnel.funnel_conversion", "Conversion du tunnel",
     "Funnel conversion"},
    {"kpi.funnel.funnel_completions", "Parcours complets du tunnel",
     "Funnel completions"},
    {"kpi.funnel.funnel_steps", "Étapes du tunnel", "Funnel steps"},
    // attribution's note and KPI labels.
    {"attribution.spend_needs_months",
     "les dépenses marketing sont données par mois : une période qui n'est "
     "pas faite de mois entiers n'a pas de retour sur dépenses.",
     "marketing spend is given by month: a period that is not made of whole "
     "months has no return on spend."},
    {"kpi.attribution.conversions", "Conversions", "Conversions"},
    {"kpi.attribution.attribution_by_channel", "Attribution par canal",
     "Attribution by channel"},
    // experience (KPI-CATALOG.md section 7).
    {"kpi.experience.nps", "NPS", "NPS"},
    {"kpi.experience.csat", "Satisfaction (CSAT)", "CSAT"},
    {"kpi.experience.touchpoints", "Matrice des points de contact",
     "Touchpoint matrix"},
    {"kpi.experience.irritants", "Irritants", "Irritants"},
    {"kpi.experience.journey_curve", "Courbe émotionnelle", "Journey curve"},
});

// Every part in one list, and an index by id, built once.
struct Catalog {
  std::vector<CatalogEntry> entries;
  std::unordered_map<std::string_view, const CatalogEntry*> by_id;

  Catalog() {
    for (auto part : {message_entries(), column_entries(), term_entries()})
      entries.insert(entries.end(), part.begin(), part.end());
    // A twice-written id keeps its first entry here; the catalog's test
    // fails on it.
    for (const CatalogEntry& e : entries) by_id.emplace(e.id, &e);
  }
};

const Catalog& the_catalog() {
  static const Catalog catalog;
  return catalog;
}

}  // namespace

std::span<const CatalogEntry> message_entries() { return kMessages; }

std::span<const CatalogEntry> catalog() { return the_catalog().entries; }

const CatalogEntry* find_message(std::string_view id) {
  const auto& index = the_catalog().by_id;
  const auto found = index.find(id);
  return found == index.end() ? nullptr : found->second;
}

}  // namespace vigie::locale
