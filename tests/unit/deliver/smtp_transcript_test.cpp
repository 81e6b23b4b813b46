#include "deliver/smtp_transcript.hpp"

#include <gtest/gtest.h>

namespace vigie::deliver {
namespace {

using Lines = std::vector<std::string>;

TEST(SmtpTranscript, KeepsTheDialogueInOrderAndTheReplyBeforeQuit) {
  SmtpTranscript t;
  t.server("220 sink.test ESMTP\r\n");
  t.client("EHLO host\r\n");
  // One reply may come in pieces, and one piece may hold several lines.
  t.server("250-sink.test\r\n250-SIZE 3355");
  t.server("4432\r\n250 HELP\r\n");
  t.client("MAIL FROM:<a@x.test>\r\n");
  t.server("250 OK\r\n");
  t.client("RCPT TO:<b@x.test>\r\n");
  t.server("550 5.1.1 Mailbox unknown\r\n");
  t.client("QUIT\r\n");
  t.server("221 Bye\r\n");
  EXPECT_EQ(
      t.lines(),
      (Lines{"S: 220 sink.test ESMTP", "C: EHLO host", "S: 250-sink.test",
             "S: 250-SIZE 33554432", "S: 250 HELP", "C: MAIL FROM:<a@x.test>",
             "S: 250 OK", "C: RCPT TO:<b@x.test>",
             "S: 550 5.1.1 Mailbox unknown", "C: QUIT", "S: 221 Bye"}));
  EXPECT_EQ(t.decisive_reply().code, 550);
  EXPECT_EQ(t.decisive_reply().text, "5.1.1 Mailbox unknown");
}

TEST(SmtpTranscript, JoinsTheLinesOfAMultiLineReply) {
  SmtpTranscript t;
  t.server("451-4.7.1 Greylisted\r\n451 4.7.1 try again in 5 minutes\r\n");
  EXPECT_EQ(t.decisive_reply().code, 451);
  EXPECT_EQ(t.decisive_reply().text,
            "4.7.1 Greylisted\n4.7.1 try again in 5 minutes");
}

TEST(SmtpTranscript, MasksThePlainExchange) {
  SmtpTranscript t;
  t.client("AUTH PLAIN AHVzZXIAc2VjcmV0\r\n");
  t.server("235 2.7.0 Authentication successful\r\n");
  t.client("MAIL FROM:<a@x.test>\r\n");
  EXPECT_EQ(t.lines(), (Lines{"C: AUTH PLAIN ***",
                              "S: 235 2.7.0 Authentication successful",
                              "C: MAIL FROM:<a@x.test>"}));
}

TEST(SmtpTranscript, MasksTheLoginExchange) {
  SmtpTranscript t;
  t.client("AUTH LOGIN\r\n");
  t.server("334 VXNlciBOYW1lAA==\r\n");
  t.client("dXNlcg==\r\n");
  t.server("334 UGFzc3dvcmQA\r\n");
  t.client("c2VjcmV0\r\n");
  t.server("535 5.7.8 Authentication credentials invalid\r\n");
  t.client("QUIT\r\n");
  EXPECT_EQ(
      t.lines(),
      (Lines{"C: AUTH LOGIN", "S: 334 VXNlciBOYW1lAA==", "C: ***",
             "S: 334 UGFzc3dvcmQA", "C: ***",
             "S: 535 5.7.8 Authentication credentials invalid", "C: QUIT"}));
  EXPECT_EQ(t.decisive_reply().code, 535);
}

TEST(SmtpTranscript, ShowsTheMessageAsItsSize) {
  SmtpTranscript t;
  t.client("DATA\r\n");
  t.server("354 End data with <CR><LF>.<CR><LF>\r\n");
  t.message_bytes(16384);
  t.message_bytes(100);
  t.server("250 OK\r\n");
  EXPECT_EQ(t.lines(),
            (Lines{"C: DATA", "S: 354 End data with <CR><LF>.<CR><LF>",
                   "C: [message: 16484 bytes]", "S: 250 OK"}));
}

TEST(SmtpTranscript, HasNoReplyWhenTheServerSaidNothing) {
  SmtpTranscript t;
  EXPECT_EQ(t.decisive_reply().code, 0);
  EXPECT_TRUE(t.lines().empty());
}

}  // namespace
}  // namespace vigie::deliver
