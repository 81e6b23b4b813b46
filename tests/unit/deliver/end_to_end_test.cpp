// A real report, as `vigie run` publishes it, mailed to a real SMTP server:
// the figures of kpis.json in the body, report.pdf attached intact.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "deliver/email_content.hpp"
#include "deliver/headline_kpis.hpp"
#include "deliver/message.hpp"
#include "deliver/smtp_send.hpp"
#include "real_report.hpp"
#include "smtp_sink_process.hpp"

namespace vigie::deliver {
namespace {

using ::testing::HasSubstr;

TEST(EndToEnd, MailsARealReport) {
  const auto& report = testing::real_report();
  const testing::TempDir dir("e2e");
  testing::SmtpSink sink(dir.path() / "sink");

  EmailContext context;
  context.report_title = "Relation client : tableau de bord mensuel";
  context.period_label = period_label(report.kpis_json);
  context.report_id = "management";
  context.run_id = "20261201T024936.512Z-9c1f0e4b7a2d6c83";
  context.kpis = headline_kpis(report.kpis_json, "fr_FR");
  context.alerts = alert_labels(context.kpis);
  const EmailContent content =
      render_email(context, std::nullopt, std::nullopt);

  Message m;
  m.from = "Vigie <reports@vigie.test>";
  m.to = "dg@client.test";
  m.subject = content.subject;
  m.text = content.text;
  m.html = content.html;
  m.message_id = message_id(context.run_id, "2026-10", m.to, "vigie.test");
  m.attachments = {{report.pdf, "report.pdf", "application/pdf"}};

  SmtpSettings settings;
  settings.url = sink.url();
  settings.starttls = SmtpSettings::StartTls::Never;
  settings.from = m.from;
  const SmtpOutcome out = send_mail(settings, m);
  ASSERT_EQ(out.status, SmtpOutcome::Status::Delivered) << out.error;

  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  const auto& got = messages[0];
  EXPECT_EQ(got["subject"],
            "Relation client : tableau de bord mensuel — octobre 2026");
  std::string html, text, pdf_file;
  for (const auto& p : got["parts"]) {
    if (p["content_type"] == "text/html") html = p["text"];
    if (p["content_type"] == "text/plain") text = p["text"];
    if (p["content_type"] == "application/pdf") pdf_file = p["saved_as"];
  }
  ASSERT_FALSE(pdf_file.empty());
  EXPECT_EQ(testing::read_bytes(pdf_file), testing::read_bytes(report.pdf));
  ASSERT_GT(context.kpis.size(), 10u);
  for (const auto& k : context.kpis) {
    EXPECT_THAT(html, HasSubstr(">" + k.value + "</td>")) << k.label;
    EXPECT_THAT(text, HasSubstr(" " + k.value + " (" + k.change + ")"))
        << k.label;
  }
  const double real = got["size"].get<double>();
  EXPECT_NEAR(static_cast<double>(encoded_size(m)), real, real * 0.01);
}

}  // namespace
}  // namespace vigie::deliver
