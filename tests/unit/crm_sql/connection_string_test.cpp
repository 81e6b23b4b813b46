// How the crm_sql connector adds the password to the connection URL and
// hides secrets in messages.
#include "connection_string.hpp"

#include <gtest/gtest.h>

namespace vigie::crm_sql {
namespace {

TEST(ConnectionString, BackendIsTheSchemeOfTheUrl) {
  EXPECT_EQ(backend_of("postgresql://host=db dbname=crm"), "postgresql");
  EXPECT_EQ(backend_of("odbc://DSN=warehouse"), "odbc");
  EXPECT_THROW(backend_of("host=db dbname=crm"), std::runtime_error);
  EXPECT_THROW(backend_of("://db=x"), std::runtime_error);
}

TEST(ConnectionString, PasswordIsAddedInTheBackendsSyntax) {
  EXPECT_EQ(with_password("postgresql://host=db dbname=crm", "pw"),
            "postgresql://host=db dbname=crm password='pw'");
  // libpq quoting: \ and ' are escaped inside the quotes.
  EXPECT_EQ(with_password("postgresql://host=db", "a'b\\c d"),
            "postgresql://host=db password='a\\'b\\\\c d'");
  // ODBC: braces, with } doubled; a ';' is added only when missing.
  EXPECT_EQ(with_password("odbc://DSN=w;UID=u", "p}w;x"),
            "odbc://DSN=w;UID=u;PWD={p}}w;x}");
  EXPECT_EQ(with_password("odbc://DSN=w;", "pw"), "odbc://DSN=w;PWD={pw}");
  EXPECT_EQ(with_password("sqlite3://db=crm.sqlite", ""),
            "sqlite3://db=crm.sqlite");
  EXPECT_THROW(with_password("sqlite3://db=crm.sqlite", "pw"),
               std::runtime_error);
}

TEST(ConnectionString, SecretsInTheUrlAndTheOptionAreRedacted) {
  auto secrets = secrets_of("odbc://DSN=w;UID=u;PWD={hunter22}", "other");
  std::string message = redact(
      "login failed for DSN=w;UID=u;PWD={hunter22} (hunter22), other too",
      secrets);
  EXPECT_EQ(message, "login failed for DSN=w;UID=u;PWD=*** (***), *** too");
  // Key names in any case; libpq's space-separated pairs.
  auto pg = secrets_of("postgresql://host=db Password=s3cret dbname=crm", "");
  EXPECT_EQ(redact("bad password s3cret", pg), "bad password ***");
  // Nothing to hide: the message is unchanged.
  EXPECT_EQ(redact("no secret here", secrets_of("sqlite3://db=x", "")),
            "no secret here");
}

}  // namespace
}  // namespace vigie::crm_sql
