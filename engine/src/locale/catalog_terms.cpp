// The values of the data a report shows with a label ("term.<code>"): the
// codes of the data model (../shared/DATA-MODEL.md: self-care actions and
// the call reasons that share them, devices, channels, journey steps,
// life moments, call direction and outcome, event types), those the demo
// data uses beside them (the other call reasons, the order channels), the
// codes the built-in indicators and the engine write into their tables
// (attribution models, the default value segments, experience profiles,
// "(none)"),
// and the states of Vigie's own runs and deliveries. kpis.json and the
// CSV lists keep the codes; a value that is not here is printed as the
// data gives it. Then the datasets' names ("dataset.<name>"), which the
// data-quality appendix shows beside a source.
#include "locale/catalog_parts.hpp"

#include <array>

namespace vigie::locale {
namespace {

constexpr std::array kTerms = std::to_array<CatalogEntry>({
    // Self-care actions (web_events.action, calls.reason).
    {"term.change_address", "Changement d'adresse", "Change of address"},
    {"term.update_payment", "Mise à jour du paiement", "Payment update"},
    {"term.download_invoice", "Téléchargement de facture", "Invoice download"},
    {"term.report_outage", "Signalement de panne", "Outage report"},
    {"term.cancel_contract", "Résiliation de contrat", "Contract cancellation"},
    // Call reasons without an online equivalent.
    {"term.billing_question", "Question de facturation", "Billing question"},
    {"term.complaint", "Réclamation", "Complaint"},
    {"term.product_info", "Information produit", "Product information"},
    {"term.delivery", "Livraison", "Delivery"},
    {"term.technical_support", "Assistance technique", "Technical support"},
    {"term.retention_offer", "Offre de fidélisation", "Retention offer"},
    // web_events.event_type.
    {"term.page_view", "Page vue", "Page view"},
    {"term.action", "Acte en ligne", "Online act"},
    {"term.conversion", "Conversion", "Conversion"},
    // web_events.device.
    {"term.desktop", "Ordinateur", "Desktop"},
    {"term.mobile", "Mobile", "Mobile"},
    {"term.tablet", "Tablette", "Tablet"},
    {"term.app", "Application", "App"},
    // Channels: customers.acquisition_channel, marketing_spend.channel,
    // orders.channel, surveys.channel, the preferred channel.
    {"term.search", "Moteurs de recherche", "Search"},
    {"term.social", "Réseaux sociaux", "Social media"},
    {"term.email", "E-mail", "E-mail"},
    {"term.partner", "Partenaires", "Partners"},
    {"term.store", "Magasin", "Store"},
    {"term.direct", "Direct", "Direct"},
    {"term.web", "Web", "Web"},
    {"term.phone", "Téléphone", "Phone"},
    {"term.marketplace", "Place de marché", "Marketplace"},
    // calls.direction and calls.outcome.
    {"term.inbound", "Entrant", "Inbound"},
    {"term.outbound", "Sortant", "Outbound"},
    {"term.answered", "Décroché", "Answered"},
    {"term.abandoned", "Abandonné", "Abandoned"},
    // Journey steps (surveys.step, the experience indicator's steps).
    {"term.discover", "Découverte", "Discovery"},
    {"term.subscribe", "Souscription", "Subscription"},
    {"term.onboarding", "Prise en main", "Onboarding"},
    {"term.usage", "Usage", "Usage"},
    {"term.support", "Assistance", "Support"},
    {"term.renewal", "Renouvellement", "Renewal"},
    // Life moments.
    {"term.moving", "Déménagement", "Moving house"},
    {"term.termination", "Résiliation", "Termination"},
    {"term.birth", "Naissance", "Birth"},
    // Attribution models (attribution_by_channel.model).
    {"term.first", "Premier contact", "First touch"},
    {"term.last", "Dernier contact", "Last touch"},
    {"term.linear", "Linéaire", "Linear"},
    {"term.time_decay", "Décroissance temporelle", "Time decay"},
    {"term.position_based", "Selon la position", "Position-based"},
    // The value segments when the spec names none (customer_base's and
    // customer_profiles' default segment_names): KPI-CATALOG.md gives them
    // in French, and so does the data, whatever the report's language.
    {"term.Très bons clients", "Très bons clients", "Best customers"},
    {"term.Bons clients", "Bons clients", "Good customers"},
    {"term.Clients occasionnels", "Clients occasionnels",
     "Occasional customers"},
    {"term.Clients très occasionnels", "Clients très occasionnels",
     "Rare customers"},
    // customer_profiles.experience_profile.
    {"term.very positive", "Très positive", "Very positive"},
    {"term.positive", "Positive", "Positive"},
    {"term.not very positive", "Peu positive", "Not very positive"},
    {"term.very negative", "Très négative", "Very negative"},
    {"term.unknown", "Inconnue", "Unknown"},
    // No value: a group of rows without one, a customer without a
    // category, a session without a source.
    {"term.(none)", "(aucun)", "(none)"},
    {"term.none", "aucune", "none"},
    {"term.(no source)", "(sans source)", "(no source)"},
    // Vigie's runs and deliveries (report_runs.status,
    // report_deliveries.status).
    {"term.running", "En cours", "Running"},
    {"term.waiting", "En attente", "Waiting"},
    {"term.succeeded", "Réussie", "Succeeded"},
    {"term.failed", "En échec", "Failed"},
    {"term.pending", "À envoyer", "Pending"},
    {"term.delivered", "Remis", "Delivered"},
    {"term.expired", "Expiré", "Expired"},
    // The canonical datasets, as the data-quality appendix names a source.
    {"dataset.customers", "Clients", "Customers"},
    {"dataset.orders", "Commandes", "Orders"},
    {"dataset.web_events", "Événements web", "Web events"},
    {"dataset.calls", "Appels", "Calls"},
    {"dataset.surveys", "Enquêtes", "Surveys"},
    {"dataset.marketing_spend", "Dépenses marketing", "Marketing spend"},
    {"dataset.report_runs", "Exécutions des rapports", "Report runs"},
    {"dataset.report_deliveries", "Envois des rapports", "Report deliveries"},
});

}  // namespace

std::span<const CatalogEntry> term_entries() { return kTerms; }

}  // namespace vigie::locale
