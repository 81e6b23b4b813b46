#include "serve/mail_compose.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "deliver/email_content.hpp"
#include "deliver/headline_kpis.hpp"
#include "secrets/redactor.hpp"

namespace vigie::serve {
namespace {

// 14.2 MB, 63 kB: a size as a reader of the history thinks of it.
std::string size_text(std::uintmax_t bytes) {
  if (bytes >= 1'000'000)
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
  return fmt::format("{} kB", (bytes + 500) / 1000);
}

// The report's address for a reader of the e-mail: under report_url when
// the spec gives it (the address at which the reports folder is served),
// else the folder on the machine.
std::string report_link(const spec::Delivery& d,
                        const std::filesystem::path& dir, bool burst) {
  if (d.report_url.empty()) return (dir / "report.pdf").string();
  // OUT/<report id>/<period>/[<value>/]: the last two or three parts.
  std::string tail;
  auto part = dir;
  for (int i = 0; i < (burst ? 3 : 2) && !part.filename().empty(); ++i) {
    tail = part.filename().string() + "/" + tail;
    part = part.parent_path();
  }
  std::string base = d.report_url;
  if (!base.empty() && base.back() != '/') base += '/';
  return base + tail + "report.pdf";
}

// The id of the run that wrote the report, as its kpis.json says.
std::string run_id_of(const std::filesystem::path& kpis_json) {
  std::ifstream in(kpis_json);
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) return "";
  return doc.value("/report/run_id"_json_pointer, std::string());
}

std::string variable(const std::string& name) {
  if (name.empty()) return "";
  const char* value = std::getenv(name.c_str());
  if (value == nullptr)
    throw std::runtime_error(fmt::format(
        "the environment variable {} (delivery.smtp) is not set", name));
  secrets::add(value, "${" + name + "}");
  return value;
}

}  // namespace

deliver::SmtpSettings smtp_settings(const spec::SmtpServer& smtp,
                                    unsigned long long max_message_bytes) {
  deliver::SmtpSettings s;
  s.url = smtp.url;
  s.starttls = smtp.starttls == "never" ? deliver::SmtpSettings::StartTls::Never
               : smtp.starttls == "if_offered"
                   ? deliver::SmtpSettings::StartTls::IfOffered
                   : deliver::SmtpSettings::StartTls::Required;
  s.username = variable(smtp.username_env);
  s.password = variable(smtp.password_env);
  s.from = smtp.from;
  s.ca_file = smtp.ca_file;
  s.verify_peer = smtp.verify_peer;
  s.timeout = std::chrono::seconds(smtp.timeout_seconds);
  s.max_message_bytes = max_message_bytes;
  return s;
}

ComposedMail compose_report_mail(const plan::ReportPlan& plan,
                                 const std::filesystem::path& report_dir,
                                 const std::string& burst_value,
                                 const std::string& recipient,
                                 const std::string& message_id) {
  const spec::Delivery& d = *plan.delivery;
  const auto kpis_json = report_dir / "kpis.json";
  deliver::EmailContext context;
  context.report_title = plan.report.title;
  context.report_id = plan.report.id;
  context.locale = plan.report.locale;
  context.burst_value = burst_value;
  context.period_label = deliver::period_label(kpis_json);
  context.run_id = run_id_of(kpis_json);
  context.kpis = deliver::headline_kpis(kpis_json, plan.report.locale,
                                        plan.report.currency);
  context.alerts = deliver::alert_labels(context.kpis);

  ComposedMail mail;
  mail.message.from = d.smtp.from;
  mail.message.to = recipient;
  mail.message.message_id = message_id;
  if (d.attach_pdf && std::filesystem::exists(report_dir / "report.pdf"))
    mail.message.attachments.push_back(
        {report_dir / "report.pdf", "report.pdf", "application/pdf"});
  for (const auto& id : d.attach_lists) {
    auto csv = report_dir / "lists" / (id + ".csv");
    if (std::filesystem::exists(csv))
      mail.message.attachments.push_back({csv, id + ".csv", "text/csv"});
  }
  const std::optional<std::filesystem::path> templates =
      d.templates.empty() ? std::nullopt
                          : std::optional<std::filesystem::path>(d.templates);
  const std::optional<std::string> subject =
      d.subject.empty() ? std::nullopt : std::optional<std::string>(d.subject);
  auto fill = [&] {
    const auto content = deliver::render_email(context, templates, subject);
    mail.message.subject = content.subject;
    mail.message.text = content.text;
    mail.message.html = content.html;
  };
  fill();
  const std::uintmax_t size = deliver::encoded_size(mail.message);
  if (size > d.max_message_bytes && !mail.message.attachments.empty()) {
    // Too large for the limit: sent without its attachments, saying where
    // the report is, rather than refused by the server or dropped
    // silently.
    std::string names;
    for (const auto& a : mail.message.attachments)
      names += (names.empty() ? "" : ", ") + a.name;
    mail.message.attachments.clear();
    context.link = report_link(d, report_dir, !burst_value.empty());
    mail.note = fmt::format(
        "{} left out: {} encoded, over the limit of {}; "
        "the message links to {}",
        names, size_text(size), size_text(d.max_message_bytes), context.link);
    context.attachment_note = mail.note;
    fill();
  }
  return mail;
}

}  // namespace vigie::serve
