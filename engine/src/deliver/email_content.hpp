// The words of a report e-mail: its subject, plain-text and HTML bodies,
// rendered with mustache templates (mstch) from what the report says.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vigie::deliver {

struct HeadlineKpi {
  std::string label;   // "Chiffre d'affaires"
  std::string value;   // formatted in the report's locale: "2 016 660,23 €"
  std::string change;  // "+15,7 %", "+1,3 pt", "n/d"
  std::string status;  // "ok" | "warning" | "alert" | "" (no target)
};

struct EmailContext {
  std::string report_title;
  std::string period_label;  // "octobre 2026"
  std::string report_id;
  std::string run_id;
  std::string burst_value;      // empty when the report is not a burst
  std::string link;             // where the report is, when the attachment
                                // could not be sent (too large)
  std::string attachment_note;  // a sentence about the attachment, if any
  std::vector<HeadlineKpi> kpis;
  std::vector<std::string> alerts;  // labels of the KPIs in their alert band
  // The report's locale ("fr_FR", "en_GB"): the default templates write
  // French for a French one, English otherwise (the `fr` flag a template
  // sees).
  std::string locale = "fr_FR";
};

struct EmailContent {
  std::string subject;  // one line, whitespace runs collapsed
  std::string text;
  std::string html;
};

// Renders the three templates: subject.mustache, body.txt.mustache and
// body.html.mustache. Each is taken from `template_dir` when that folder
// has it, else the default compiled into the library (templates/email/);
// `subject_template`, when given, replaces the subject's. A missing
// `template_dir` or an unreadable template throws std::runtime_error
// naming it.
//
// What a template sees: report_title, period_label, report_id, run_id,
// burst_value, link, attachment_note, each with a has_<name> flag (true
// when not empty; has_burst for burst_value), kpis (label, value, change,
// status, status_text, status_color, has_status) and has_kpis, alerts
// (strings, {{.}}) and has_alerts, fr. In the HTML body {{x}} is
// HTML-escaped; in the subject and the text it is written as it is.
EmailContent render_email(
    const EmailContext& context,
    const std::optional<std::filesystem::path>& template_dir,
    std::optional<std::string> subject_template);

}  // namespace vigie::deliver
