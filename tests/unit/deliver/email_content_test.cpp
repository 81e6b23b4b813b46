#include "deliver/email_content.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "smtp_sink_process.hpp"

namespace vigie::deliver {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::TempDir;
using testing::write_bytes;

EmailContext sample() {
  EmailContext c;
  c.report_title = "Relation client : tableau de bord mensuel";
  c.period_label = "octobre 2026";
  c.report_id = "management";
  c.run_id = "20261201T024936.512Z-9c1f0e4b7a2d6c83";
  c.kpis = {
      {"Chiffre d'affaires", "2\u202f016\u202f660,23\u202f€", "+15,7\u202f%",
       "ok"},
      {"Taux d'attrition", "16,2\u202f%", "+3,1\u202fpt", "alert"},
      {"Renouvellement", "0,9", "-4,0\u202f%", "warning"},
      {"Commandes", "6\u202f037", "+19,4\u202f%", ""},
  };
  c.alerts = {"Taux d'attrition"};
  return c;
}

TEST(RenderEmail, DefaultSubjectIsTitleAndPeriod) {
  const EmailContent e = render_email(sample(), std::nullopt, std::nullopt);
  EXPECT_EQ(e.subject,
            "Relation client : tableau de bord mensuel — octobre 2026");
}

TEST(RenderEmail, BurstValueGoesIntoSubjectAndTitle) {
  EmailContext c = sample();
  c.burst_value = "Île-de-France";
  const EmailContent e = render_email(c, std::nullopt, std::nullopt);
  EXPECT_EQ(e.subject,
            "Relation client : tableau de bord mensuel — Île-de-France — "
            "octobre 2026");
  EXPECT_THAT(e.html,
              HasSubstr("tableau de bord mensuel — Île-de-France</h1>"));
  EXPECT_THAT(e.text, HasSubstr("mensuel — Île-de-France\n"));
}

TEST(RenderEmail, HtmlHasATableOfKpisWithStatusColours) {
  const EmailContent e = render_email(sample(), std::nullopt, std::nullopt);
  // Mustache escapes the apostrophe of the labels.
  EXPECT_THAT(e.html, HasSubstr("Chiffre d&#39;affaires</td>"));
  EXPECT_THAT(e.html, HasSubstr(">2\u202f016\u202f660,23\u202f€</td>"));
  EXPECT_THAT(e.html, HasSubstr(">+15,7\u202f%</td>"));
  EXPECT_THAT(e.html, HasSubstr("color:#2e7d32;\">conforme</span>"));
  EXPECT_THAT(e.html, HasSubstr("color:#c62828;\">alerte</span>"));
  EXPECT_THAT(e.html, HasSubstr("color:#ef6c00;\">vigilance</span>"));
  EXPECT_THAT(e.html, HasSubstr("<li>Taux d&#39;attrition</li>"));
  EXPECT_THAT(e.html, HasSubstr("Le rapport complet est joint"));
  EXPECT_THAT(e.html, HasSubstr(sample().run_id));
  // No style sheet: mail clients drop <style>, inline styles stay.
  EXPECT_THAT(e.html, Not(HasSubstr("<style")));
}

TEST(RenderEmail, TextSaysTheSameWithoutEscaping) {
  const EmailContent e = render_email(sample(), std::nullopt, std::nullopt);
  EXPECT_THAT(e.text, HasSubstr("Relation client : tableau de bord mensuel\n"
                                "octobre 2026\n"));
  EXPECT_THAT(e.text, HasSubstr("En alerte :\n  ! Taux d'attrition\n"));
  EXPECT_THAT(
      e.text,
      HasSubstr("  - Chiffre d'affaires : 2\u202f016\u202f660,23\u202f€ "
                "(+15,7\u202f%) [conforme]\n"));
  EXPECT_THAT(e.text, HasSubstr("  - Commandes : 6\u202f037 (+19,4\u202f%)\n"));
  EXPECT_THAT(e.text, Not(HasSubstr("&#39;")));
  EXPECT_THAT(e.text, Not(HasSubstr("<")));
}

TEST(RenderEmail, EscapesWhatCouldBeMarkup) {
  EmailContext c = sample();
  c.kpis[0].label = "R&D <b>budget</b>";
  const EmailContent e = render_email(c, std::nullopt, std::nullopt);
  EXPECT_THAT(e.html, HasSubstr("R&amp;D &lt;b&gt;budget&lt;&#x2F;b&gt;"));
  EXPECT_THAT(e.html, Not(HasSubstr("<b>budget")));
  EXPECT_THAT(e.text, HasSubstr("R&D <b>budget</b> :"));
}

TEST(RenderEmail, NoAlertsNoAlertBlock) {
  EmailContext c = sample();
  c.alerts.clear();
  const EmailContent e = render_email(c, std::nullopt, std::nullopt);
  EXPECT_THAT(e.html, Not(HasSubstr("En alerte")));
  EXPECT_THAT(e.text, Not(HasSubstr("En alerte")));
}

TEST(RenderEmail, LinkAndNoteWhenTheAttachmentCouldNotGo) {
  EmailContext c = sample();
  c.link = "https://reports.example.com/management/2026-10/?a=1&b=2";
  c.attachment_note = "Le rapport (14 Mo) dépasse la taille admise.";
  const EmailContent e = render_email(c, std::nullopt, std::nullopt);
  EXPECT_THAT(e.html,
              HasSubstr("<a href=\"https:&#x2F;&#x2F;reports.example.com"
                        "&#x2F;management&#x2F;2026-10&#x2F;?a=1&amp;b=2\""));
  EXPECT_THAT(e.html, HasSubstr("dépasse la taille admise."));
  EXPECT_THAT(e.html, Not(HasSubstr("est joint")));
  EXPECT_THAT(e.text, HasSubstr("Le rapport : " + c.link + "\n"));
  EXPECT_THAT(e.text, HasSubstr(c.attachment_note + "\n"));
}

TEST(RenderEmail, EnglishForAnEnglishReport) {
  EmailContext c = sample();
  c.locale = "en_GB";
  const EmailContent e = render_email(c, std::nullopt, std::nullopt);
  EXPECT_THAT(e.text, HasSubstr("Key figures:\n"));
  EXPECT_THAT(e.text, HasSubstr("In alert:\n"));
  EXPECT_THAT(e.html, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(e.html, HasSubstr(">on target</span>"));
  EXPECT_THAT(e.text, HasSubstr("The full report is attached."));
}

TEST(RenderEmail, ATemplateFolderOverridesFileByFile) {
  const TempDir dir("templates");
  write_bytes(dir.path() / "body.txt.mustache",
              "Bonjour,\n{{#kpis}}{{label}}={{value}};{{/kpis}}\n");
  const EmailContent e = render_email(sample(), dir.path(), std::nullopt);
  EXPECT_EQ(e.text,
            "Bonjour,\nChiffre d'affaires=2\u202f016\u202f660,23\u202f€;"
            "Taux d'attrition=16,2\u202f%;Renouvellement=0,9;"
            "Commandes=6\u202f037;\n");
  // The files the folder does not have are the defaults.
  EXPECT_EQ(e.subject,
            "Relation client : tableau de bord mensuel — octobre 2026");
  EXPECT_THAT(e.html, HasSubstr("<table"));
}

TEST(RenderEmail, ASubjectTemplateWinsOverBoth) {
  const TempDir dir("subject");
  write_bytes(dir.path() / "subject.mustache", "From the folder");
  const EmailContent e =
      render_email(sample(), dir.path(), "[Vigie] {{period_label}}\n");
  EXPECT_EQ(e.subject, "[Vigie] octobre 2026");
  EXPECT_EQ(render_email(sample(), dir.path(), std::nullopt).subject,
            "From the folder");
}

TEST(RenderEmail, AMissingTemplateFolderIsAnError) {
  EXPECT_THROW(render_email(sample(), "/nonexistent/templates", std::nullopt),
               std::runtime_error);
}

}  // namespace
}  // namespace vigie::deliver
