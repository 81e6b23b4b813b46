// send_mail() against a real SMTP server (tests/support/smtp_sink.py):
// what arrives, and what the outcome says for each way a server refuses.
#include "deliver/smtp_send.hpp"
#include "deliver/mail_headers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <random>

#include "secrets/redactor.hpp"
#include "smtp_sink_process.hpp"

namespace vigie::deliver {
namespace {

using Status = SmtpOutcome::Status;
using testing::Certificate;
using ::testing::Contains;
using ::testing::HasSubstr;
using testing::make_certificate;
using testing::read_bytes;
using testing::SmtpSink;
using ::testing::StartsWith;
using testing::TempDir;
using testing::write_bytes;

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < n; ++i) {
    static constexpr char kHex[] = "0123456789abcdef";
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

// Bytes no text encoding would pass through unharmed: every byte value,
// CR and LF alone, a NUL, a dot at the start of a line.
std::string binary_file(size_t size) {
  std::mt19937 random(42);
  std::string bytes(size, '\0');
  for (auto& b : bytes) b = static_cast<char>(random() & 0xff);
  bytes.replace(0, 12, "%PDF-1.5\n\r.\n");
  return bytes;
}

class SmtpSendTest : public ::testing::Test {
 protected:
  SmtpSendTest() : dir_("send") {
    pdf_ = dir_.path() / "report.pdf";
    write_bytes(pdf_, binary_file(300'000));
    write_bytes(dir_.path() / "alert_1m.csv",
                "customer_key;days\r\nab12;31\r\n");
  }

  SmtpSettings settings(const SmtpSink& sink) const {
    SmtpSettings s;
    s.url = sink.url();
    s.starttls = SmtpSettings::StartTls::Never;
    s.from = "Vigie <reports@vigie.test>";
    s.timeout = std::chrono::seconds(10);
    return s;
  }

  Message message(const std::string& to) const {
    Message m;
    m.from = "Vigie <reports@vigie.test>";
    m.to = to;
    m.subject = "Relation client : tableau de bord — octobre 2026";
    m.text = "Chiffre d'affaires : 2 016 660,23 €\n";
    m.html =
        "<p>Chiffre d'affaires : <b>2\u202f016\u202f660,23\u202f€</b></p>\n";
    m.message_id = message_id("run-1", "2026-10", to, "vigie.test");
    m.attachments = {
        {pdf_, "report.pdf", "application/pdf"},
        {dir_.path() / "alert_1m.csv", "alert_1m.csv", "text/csv"}};
    return m;
  }

  std::filesystem::path sink_dir(const std::string& name) const {
    return dir_.path() / name;
  }

  TempDir dir_;
  std::filesystem::path pdf_;
};

const nlohmann::json* part_named(const nlohmann::json& summary,
                                 const std::string& content_type) {
  for (const auto& p : summary["parts"])
    if (p["content_type"] == content_type) return &p;
  return nullptr;
}

TEST_F(SmtpSendTest, DeliversOnceWithEveryPartIntact) {
  SmtpSink sink(sink_dir("sink"));
  const Message m = message("Direction Générale <dg@client.test>");
  const SmtpOutcome out = send_mail(settings(sink), m);

  EXPECT_EQ(out.status, Status::Delivered) << out.error;
  EXPECT_EQ(out.code, 250);
  EXPECT_EQ(out.reply, "2.0.0 OK");
  EXPECT_EQ(out.error, "");
  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  const auto& got = messages[0];
  EXPECT_EQ(got["mail_from"], "reports@vigie.test");
  EXPECT_EQ(got["rcpt_tos"], nlohmann::json::array({"dg@client.test"}));
  EXPECT_EQ(got["subject"], m.subject);  // RFC 2047, decoded by Python
  EXPECT_EQ(got["to"], "Direction Générale <dg@client.test>");
  EXPECT_EQ(got["message_id"], m.message_id);
  EXPECT_EQ(got["date"], m.date);
  EXPECT_EQ(got["content_type"], "multipart/mixed");

  // multipart/alternative first (text, then HTML), then the attachments.
  ASSERT_EQ(got["parts"].size(), 4u);
  EXPECT_EQ(got["parts"][0]["content_type"], "text/plain");
  EXPECT_EQ(got["parts"][1]["content_type"], "text/html");
  const auto* text = part_named(got, "text/plain");
  EXPECT_EQ((*text)["charset"], "utf-8");
  EXPECT_EQ((*text)["text"], "Chiffre d'affaires : 2 016 660,23 €\r\n");
  const auto* html = part_named(got, "text/html");
  EXPECT_THAT((*html)["text"].get<std::string>(),
              HasSubstr("<b>2\u202f016\u202f660,23\u202f€</b>"));
  const auto* pdf = part_named(got, "application/pdf");
  ASSERT_NE(pdf, nullptr);
  EXPECT_EQ((*pdf)["filename"], "report.pdf");
  EXPECT_EQ((*pdf)["transfer_encoding"], "base64");
  EXPECT_EQ((*pdf)["sha256"], sha256_hex(read_bytes(pdf_)));
  EXPECT_EQ(read_bytes((*pdf)["saved_as"].get<std::string>()),
            read_bytes(pdf_));
  const auto* csv = part_named(got, "text/csv");
  ASSERT_NE(csv, nullptr);
  EXPECT_EQ((*csv)["filename"], "alert_1m.csv");

  // The estimate made before sending is the size the server received.
  const double real = got["size"].get<double>();
  EXPECT_NEAR(static_cast<double>(encoded_size(m)), real, real * 0.01);
}

TEST_F(SmtpSendTest, EncodedSizeOfBodiesAloneIsTheSizeReceived) {
  SmtpSink sink(sink_dir("sink"));
  Message m = message("dg@client.test");
  m.attachments.clear();
  // French text: every accent and narrow space is "=XX" in quoted-printable,
  // and long lines get soft breaks.
  m.text.clear();
  m.html.clear();
  for (int i = 0; i < 300; ++i) {
    m.text += "Économies du selfcare : 536,20\u202f€ (+27,7\u202f%) [alerte]\n";
    m.html +=
        "<td style=\"padding:8px;border-bottom:1px solid #e4e7eb;\">"
        "Taux de rebond web → appel</td><td>16,3\u202f%</td>\n";
  }
  ASSERT_EQ(send_mail(settings(sink), m).status, Status::Delivered);
  const double real = sink.messages().at(0)["size"].get<double>();
  EXPECT_NEAR(static_cast<double>(encoded_size(m)), real, real * 0.01);
}

TEST_F(SmtpSendTest, TranscriptHasTheWholeDialogue) {
  SmtpSink sink(sink_dir("sink"));
  const SmtpOutcome out = send_mail(settings(sink), message("dg@client.test"));
  ASSERT_EQ(out.status, Status::Delivered) << out.error;
  using ::testing::ElementsAre;
  using ::testing::MatchesRegex;
  EXPECT_THAT(
      out.transcript,
      ElementsAre(MatchesRegex("S: 220 sink.test .+"),
                  MatchesRegex("C: EHLO .+"), "S: 250-sink.test",
                  "S: 250-SIZE 33554432", "S: 250-8BITMIME", "S: 250 HELP",
                  "C: MAIL FROM:<reports@vigie.test>", "S: 250 OK",
                  "C: RCPT TO:<dg@client.test>", "S: 250 2.0.0 OK", "C: DATA",
                  "S: 354 End data with <CR><LF>.<CR><LF>",
                  MatchesRegex("C: \\[message: [0-9]+ bytes\\]"),
                  "S: 250 2.0.0 OK", "C: QUIT", "S: 221 Bye"));
}

TEST_F(SmtpSendTest, GreylistingIsTransientThenDelivered) {
  SmtpSink sink(sink_dir("sink"), {"--rcpt", "grey@client.test=451,250"});
  const SmtpOutcome first =
      send_mail(settings(sink), message("grey@client.test"));
  EXPECT_EQ(first.status, Status::Transient);
  EXPECT_EQ(first.code, 451);
  EXPECT_EQ(first.reply, "4.7.1 Greylisted, try again later");
  EXPECT_TRUE(sink.messages().empty());

  const SmtpOutcome second =
      send_mail(settings(sink), message("grey@client.test"));
  EXPECT_EQ(second.status, Status::Delivered) << second.error;
  EXPECT_EQ(sink.messages().size(), 1u);
}

TEST_F(SmtpSendTest, AnUnknownRecipientIsPermanentAndTouchesNoOther) {
  SmtpSink sink(sink_dir("sink"), {"--rcpt", "nobody@client.test=550"});
  const SmtpOutcome refused =
      send_mail(settings(sink), message("nobody@client.test"));
  EXPECT_EQ(refused.status, Status::Permanent);
  EXPECT_EQ(refused.code, 550);
  EXPECT_EQ(refused.reply, "5.1.1 Mailbox unknown");
  EXPECT_THAT(refused.transcript, Contains("S: 550 5.1.1 Mailbox unknown"));

  const SmtpOutcome other =
      send_mail(settings(sink), message("dg@client.test"));
  EXPECT_EQ(other.status, Status::Delivered) << other.error;
  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["rcpt_tos"], nlohmann::json::array({"dg@client.test"}));
}

TEST_F(SmtpSendTest, ARefusalAfterTheDataIsTheFinalReply) {
  SmtpSink sink(sink_dir("sink"), {"--data", "small@client.test=552", "--data",
                                   "later@client.test=451,250"});
  const SmtpOutcome big =
      send_mail(settings(sink), message("small@client.test"));
  EXPECT_EQ(big.status, Status::Permanent);
  EXPECT_EQ(big.code, 552);
  EXPECT_EQ(big.reply, "5.3.4 Message too big for this mailbox");
  const SmtpOutcome later =
      send_mail(settings(sink), message("later@client.test"));
  EXPECT_EQ(later.status, Status::Transient);
  EXPECT_EQ(later.code, 451);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_F(SmtpSendTest, AClosedPortIsTransient) {
  SmtpSink sink(sink_dir("sink"), {"--down"});
  const SmtpOutcome out = send_mail(settings(sink), message("dg@client.test"));
  EXPECT_EQ(out.status, Status::Transient);
  EXPECT_EQ(out.code, 0);
  EXPECT_THAT(out.error, HasSubstr("no connection to the server"));
  EXPECT_TRUE(out.transcript.empty());
}

TEST_F(SmtpSendTest, ASilentServerTimesOutTransient) {
  SmtpSink sink(sink_dir("sink"), {"--silent"});
  SmtpSettings s = settings(sink);
  s.timeout = std::chrono::seconds(1);
  const auto start = std::chrono::steady_clock::now();
  const SmtpOutcome out = send_mail(s, message("dg@client.test"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(out.status, Status::Transient);
  EXPECT_EQ(out.code, 0);
  EXPECT_THAT(out.error, HasSubstr("did not answer in time"));
}

// Decision: STARTTLS required but not offered is Permanent. Retrying
// cannot help until the server or the settings change, and saying it at
// once (to a person) beats hours of retries; nothing was sent in clear.
TEST_F(SmtpSendTest, RequiredStartTlsNotOfferedIsPermanentAndSendsNothing) {
  SmtpSink sink(sink_dir("sink"));
  SmtpSettings s = settings(sink);
  s.starttls = SmtpSettings::StartTls::Required;
  s.username = "reports";
  s.password = "Pl41n-Text-Never";
  const SmtpOutcome out = send_mail(s, message("dg@client.test"));
  EXPECT_EQ(out.status, Status::Permanent);
  EXPECT_EQ(out.code, 0);
  EXPECT_THAT(out.error, HasSubstr("does not offer STARTTLS"));
  EXPECT_THAT(out.transcript, ::testing::Not(Contains(StartsWith("C: MAIL"))));
  EXPECT_THAT(out.transcript, ::testing::Not(Contains(StartsWith("C: AUTH"))));
  EXPECT_TRUE(sink.messages().empty());
}

TEST_F(SmtpSendTest, StartTlsIfOfferedGoesInClearWithoutIt) {
  SmtpSink sink(sink_dir("sink"));
  SmtpSettings s = settings(sink);
  s.starttls = SmtpSettings::StartTls::IfOffered;
  EXPECT_EQ(send_mail(s, message("dg@client.test")).status, Status::Delivered);
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(sink.messages()[0]["tls"], false);
}

class SmtpTlsTest : public SmtpSendTest {
 protected:
  SmtpTlsTest() : certificate_(make_certificate(dir_.path())) {}

  SmtpSettings tls_settings(const SmtpSink& sink) const {
    SmtpSettings s = settings(sink);
    s.starttls = SmtpSettings::StartTls::Required;
    s.ca_file = certificate_.cert.string();
    s.username = "reports";
    s.password = kPassword;
    return s;
  }

  std::vector<std::string> sink_options() const {
    return {"--tls", certificate_.cert.string(), certificate_.key.string(),
            "--auth", std::string("reports:") + kPassword};
  }

  static constexpr const char* kPassword = "S3cret-Sm7p-P4ss";
  Certificate certificate_;
};

// Every form the password could leak in: as is, and in the base64 of the
// AUTH PLAIN and AUTH LOGIN exchanges.
void expect_no_password(const SmtpOutcome& out, const std::string& user,
                        const std::string& password) {
  const std::vector<std::string> forms = {
      password, base64(password),
      base64(std::string("\0", 1) + user + std::string("\0", 1) + password)};
  std::vector<std::string> texts = out.transcript;
  texts.push_back(out.reply);
  texts.push_back(out.error);
  for (const auto& text : texts)
    for (const auto& form : forms)
      EXPECT_EQ(text.find(form), std::string::npos) << text;
}

TEST_F(SmtpTlsTest, AuthenticatesOverStartTlsAndDelivers) {
  SmtpSink sink(sink_dir("sink"), sink_options());
  const SmtpOutcome out =
      send_mail(tls_settings(sink), message("dg@client.test"));
  EXPECT_EQ(out.status, Status::Delivered) << out.error;
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(sink.messages()[0]["tls"], true);
  EXPECT_EQ(sink.messages()[0]["auth_login"], "reports");
  EXPECT_THAT(out.transcript, Contains("C: STARTTLS"));
  EXPECT_THAT(out.transcript, Contains(StartsWith("C: AUTH ")));
  EXPECT_THAT(out.transcript, Contains(StartsWith("S: 235")));
  expect_no_password(out, "reports", kPassword);
}

TEST_F(SmtpTlsTest, SmtpsIsTlsFromTheFirstByte) {
  SmtpSink sink(sink_dir("sink"), {"--smtps", certificate_.cert.string(),
                                   certificate_.key.string(), "--auth",
                                   std::string("reports:") + kPassword});
  SmtpSettings s = tls_settings(sink);
  s.url = sink.url("smtps");
  const SmtpOutcome out = send_mail(s, message("dg@client.test"));
  EXPECT_EQ(out.status, Status::Delivered) << out.error;
  EXPECT_THAT(out.transcript, ::testing::Not(Contains("C: STARTTLS")));
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(sink.messages()[0]["tls"], true);
  EXPECT_EQ(sink.messages()[0]["auth_login"], "reports");
}

TEST_F(SmtpTlsTest, ABadPasswordIsPermanentAndNeverShown) {
  SmtpSink sink(sink_dir("sink"), sink_options());
  SmtpSettings s = tls_settings(sink);
  s.password = "Wr0ng-Passw0rd-Value";
  // Not registered with vigie::secrets: send_mail must hide it by itself.
  secrets::clear_for_tests();
  // libcurl prints the whole dialogue, AUTH included, on stderr when asked
  // to be verbose without a debug function of ours: nothing must go there.
  ::testing::internal::CaptureStderr();
  const SmtpOutcome out = send_mail(s, message("dg@client.test"));
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  EXPECT_EQ(out.status, Status::Permanent);
  EXPECT_EQ(out.code, 535);
  EXPECT_EQ(out.reply, "5.7.8 Authentication credentials invalid");
  EXPECT_TRUE(sink.messages().empty());
  expect_no_password(out, "reports", s.password);
}

TEST_F(SmtpTlsTest, AnUnknownCertificateIsPermanent) {
  SmtpSink sink(sink_dir("sink"), sink_options());
  SmtpSettings s = tls_settings(sink);
  s.ca_file.clear();  // the system's authorities do not know it
  const SmtpOutcome out = send_mail(s, message("dg@client.test"));
  EXPECT_EQ(out.status, Status::Permanent);
  EXPECT_EQ(out.code, 0);
  EXPECT_THAT(out.error, HasSubstr("certificate"));
  EXPECT_THAT(out.transcript, ::testing::Not(Contains(StartsWith("C: AUTH"))));
  EXPECT_TRUE(sink.messages().empty());
  expect_no_password(out, "reports", kPassword);
}

TEST_F(SmtpSendTest, ATooLargeMessageIsRefusedBeforeConnecting) {
  SmtpSink sink(sink_dir("sink"));
  SmtpSettings s = settings(sink);
  s.max_message_bytes = 300'000;  // the 300 kB file is 400 kB encoded
  const SmtpOutcome out = send_mail(s, message("dg@client.test"));
  EXPECT_EQ(out.status, Status::Permanent);
  EXPECT_THAT(out.error, HasSubstr("more than max_message_bytes (300000)"));
  EXPECT_TRUE(out.transcript.empty());
  EXPECT_TRUE(sink.messages().empty());
}

TEST_F(SmtpSendTest, AMissingAttachmentIsPermanent) {
  SmtpSink sink(sink_dir("sink"), {"--down"});
  Message m = message("dg@client.test");
  m.attachments.push_back(
      {dir_.path() / "gone.pdf", "gone.pdf", "application/pdf"});
  const SmtpOutcome out = send_mail(settings(sink), m);
  EXPECT_EQ(out.status, Status::Permanent);
  EXPECT_THAT(out.error, HasSubstr("gone.pdf"));
}

TEST_F(SmtpSendTest, AUrlThatIsNotSmtpIsPermanent) {
  SmtpSink sink(sink_dir("sink"), {"--down"});
  SmtpSettings s = settings(sink);
  s.url = "http://127.0.0.1:" + std::to_string(sink.port());
  const SmtpOutcome out = send_mail(s, message("dg@client.test"));
  EXPECT_EQ(out.status, Status::Permanent);
}

TEST_F(SmtpSendTest, AHeaderInjectionIsAProgrammingError) {
  SmtpSink sink(sink_dir("sink"), {"--down"});
  Message m = message("dg@client.test");
  m.subject = "Report\r\nBcc: everyone@client.test";
  EXPECT_THROW(send_mail(settings(sink), m), std::invalid_argument);
  m = message("dg@client.test>\r\nRCPT TO:<everyone@client.test");
  EXPECT_THROW(send_mail(settings(sink), m), std::invalid_argument);
}

TEST(SmtpOutcomeStatus, HasNames) {
  EXPECT_STREQ(to_string(Status::Delivered), "delivered");
  EXPECT_STREQ(to_string(Status::Transient), "transient");
  EXPECT_STREQ(to_string(Status::Permanent), "permanent");
}

}  // namespace
}  // namespace vigie::deliver
