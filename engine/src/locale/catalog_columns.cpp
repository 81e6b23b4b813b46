// The column headers of the catalog ("column.<name>"): every column a
// built-in indicator's table or list gives, every column of the canonical
// and derived datasets a metric may group by, and the columns the engine
// adds (a metric's value, previous and change, a list's customer_key).
// One label a name, whatever table it is in, so that a column reads the
// same everywhere; a spec's own header replaces it.
#include "locale/catalog_parts.hpp"

#include <array>

namespace vigie::locale {
namespace {

constexpr std::array kColumns = std::to_array<CatalogEntry>({
    // Customers and their profile (the canonical customers, the derived
    // customer_profiles joined to every list, the list's pseudonym).
    {"column.customer_id", "Client", "Customer"},
    {"column.customer_key", "Client (pseudonyme)", "Customer (pseudonym)"},
    {"column.created_at", "Client depuis", "Customer since"},
    {"column.acquisition_channel", "Canal d'acquisition",
     "Acquisition channel"},
    {"column.region", "Région", "Region"},
    {"column.birth_year", "Année de naissance", "Year of birth"},
    {"column.consent_marketing", "Consentement marketing", "Marketing consent"},
    {"column.email", "E-mail", "E-mail"},
    {"column.value_segment", "Segment de valeur", "Value segment"},
    {"column.rfm_score", "Score RFM", "RFM score"},
    {"column.experience_profile", "Expérience", "Experience"},
    {"column.consumption_profile", "Consommation", "Consumption"},
    {"column.preferred_channel", "Canal préféré", "Preferred channel"},
    // Orders and products.
    {"column.order_id", "Commande", "Order"},
    {"column.ordered_at", "Date de commande", "Ordered at"},
    {"column.amount", "Montant", "Amount"},
    {"column.margin", "Marge", "Margin"},
    {"column.margin_rate", "Taux de marge", "Margin rate"},
    {"column.quantity", "Quantité", "Quantity"},
    {"column.product_id", "Produit", "Product"},
    {"column.category", "Catégorie", "Category"},
    {"column.channel", "Canal", "Channel"},
    {"column.revenue", "Chiffre d'affaires", "Revenue"},
    {"column.revenue_share", "Part du CA", "Share of revenue"},
    {"column.rank", "Rang", "Rank"},
    {"column.previous_revenue", "CA, période précédente",
     "Revenue, previous period"},
    {"column.previous_revenue_share", "Part du CA, période précédente",
     "Share of revenue, previous period"},
    {"column.previous_quantity", "Quantité, période précédente",
     "Quantity, previous period"},
    {"column.previous_margin", "Marge, période précédente",
     "Margin, previous period"},
    {"column.previous_margin_rate", "Taux de marge, période précédente",
     "Margin rate, previous period"},
    // Customer base: segments, RFM, acquisition, inactivity lists.
    {"column.segment", "Segment", "Segment"},
    {"column.customers", "Clients", "Customers"},
    {"column.mean_frequency", "Achats moyens", "Mean purchases"},
    {"column.mean_basket", "Panier moyen", "Average basket"},
    {"column.mean_recency_days", "Récence moyenne (j)", "Mean recency (days)"},
    {"column.r_score", "Score R", "R score"},
    {"column.f_score", "Score F", "F score"},
    {"column.m_score", "Score M", "M score"},
    {"column.spend", "Dépenses", "Spend"},
    {"column.new_customers", "Nouveaux clients", "New customers"},
    {"column.cac", "Coût d'acquisition", "Acquisition cost"},
    {"column.last_purchase", "Dernier achat", "Last purchase"},
    {"column.recency_days", "Récence (j)", "Recency (days)"},
    {"column.monetary", "Montant des achats", "Amount purchased"},
    {"column.frequency", "Achats", "Purchases"},
    // Web events, visits, paths, life moments.
    {"column.ts", "Date", "Time"},
    {"column.visitor_id", "Visiteur", "Visitor"},
    {"column.event_type", "Type d'événement", "Event type"},
    {"column.page", "Page", "Page"},
    {"column.action", "Acte", "Action"},
    {"column.device", "Appareil", "Device"},
    {"column.source", "Source", "Source"},
    {"column.load_time_ms", "Temps de chargement (ms)", "Load time (ms)"},
    {"column.group", "Groupe de pages", "Page group"},
    {"column.page_views", "Pages vues", "Page views"},
    {"column.p50", "Médiane (ms)", "Median (ms)"},
    {"column.p95", "95e centile (ms)", "95th percentile (ms)"},
    {"column.visits", "Visites", "Visits"},
    {"column.sessions", "Visites", "Visits"},
    {"column.share", "Part", "Share"},
    {"column.path", "Parcours", "Path"},
    {"column.ending_share", "Finies par un acte", "Ending in an act"},
    {"column.moment", "Moment de vie", "Life moment"},
    {"column.previous_customers", "Clients, période précédente",
     "Customers, previous period"},
    {"column.last_visit", "Dernière visite", "Last visit"},
    {"column.suggested_action", "Action suggérée", "Suggested action"},
    // Self-care.
    {"column.online", "En ligne", "Online"},
    {"column.offline", "Par téléphone", "By phone"},
    {"column.digital_adoption", "Adoption du digital", "Digital adoption"},
    {"column.unit_cost", "Coût unitaire", "Unit cost"},
    {"column.savings", "Économies", "Savings"},
    {"column.avoidable_cost", "Coût évitable", "Avoidable cost"},
    {"column.pairs", "Clients × acte", "Customer × action pairs"},
    {"column.rebounded", "Rebonds vers l'appel", "Rebounds to a call"},
    {"column.rebound_rate", "Taux de rebond", "Rebound rate"},
    {"column.last_web_event", "Tentative en ligne", "Online attempt"},
    {"column.call_at", "Appel", "Call"},
    {"column.hours_between", "Délai (h)", "Delay (h)"},
    // Funnel and attribution.
    {"column.step", "Étape", "Step"},
    {"column.name", "Nom", "Name"},
    {"column.persons", "Personnes", "People"},
    {"column.step_conversion", "Conversion de l'étape", "Step conversion"},
    {"column.overall_conversion", "Conversion cumulée", "Overall conversion"},
    {"column.previous_persons", "Personnes, période précédente",
     "People, previous period"},
    {"column.model", "Modèle", "Model"},
    {"column.conversions", "Conversions", "Conversions"},
    {"column.roas", "ROAS", "ROAS"},
    {"column.roi", "ROI", "ROI"},
    {"column.long_term_value", "Valeur à long terme", "Long-term value"},
    // Calls.
    {"column.call_id", "Appel", "Call"},
    {"column.started_at", "Début", "Started at"},
    {"column.direction", "Sens", "Direction"},
    {"column.queue", "File", "Queue"},
    {"column.reason", "Motif", "Reason"},
    {"column.outcome", "Issue", "Outcome"},
    {"column.wait_s", "Attente (s)", "Wait (s)"},
    {"column.handle_s", "Traitement (s)", "Handling (s)"},
    {"column.calls", "Appels", "Calls"},
    {"column.answered", "Décrochés", "Answered"},
    {"column.cost_at_stake", "Coût en jeu", "Cost at stake"},
    // Experience.
    {"column.csat", "CSAT", "CSAT"},
    {"column.nps", "NPS", "NPS"},
    {"column.volume", "Volume", "Volume"},
    {"column.answers", "Réponses", "Answers"},
    {"column.csat_answers", "Réponses CSAT", "CSAT answers"},
    {"column.previous_answers", "Réponses, période précédente",
     "Answers, previous period"},
    {"column.previous_csat", "CSAT, période précédente",
     "CSAT, previous period"},
    {"column.previous_nps", "NPS, période précédente", "NPS, previous period"},
    // Marketing spend.
    {"column.month", "Mois", "Month"},
    // Vigie's own runs and deliveries (report_usage).
    {"column.report_id", "Rapport", "Report"},
    {"column.slot", "Échéance", "Due at"},
    {"column.status", "État", "Status"},
    {"column.attempts", "Tentatives", "Attempts"},
    {"column.run_id", "Exécution", "Run"},
    {"column.instance", "Valeur du découpage", "Burst value"},
    {"column.recipient", "Destinataire", "Recipient"},
    {"column.runs", "Exécutions", "Runs"},
    {"column.succeeded", "Réussies", "Succeeded"},
    {"column.failed", "En échec", "Failed"},
    {"column.delivered", "E-mails remis", "E-mails delivered"},
    {"column.delivery_failures", "E-mails non remis", "E-mails not delivered"},
    {"column.recipients_reached", "Destinataires atteints",
     "Recipients reached"},
    // The columns of a metric written in the spec: its value by group or
    // by period, the previous period's and the change.
    {"column.value", "Valeur", "Value"},
    {"column.previous", "Période précédente", "Previous period"},
    {"column.change", "Évolution", "Change"},
    {"column.period", "Période", "Period"},
});

}  // namespace

std::span<const CatalogEntry> column_entries() { return kColumns; }

}  // namespace vigie::locale
