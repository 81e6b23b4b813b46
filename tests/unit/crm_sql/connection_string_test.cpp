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

TEST(ConnectionString, PostgresqlUrlsInBothOfLibpqsForms) {
  // The documented URI form reaches SOCI as keyword pairs, parsed by
  // libpq itself (percent-decoding, ports, parameters).
  EXPECT_EQ(postgresql_keywords("postgresql://report@db.internal/crm"),
            "postgresql://user='report' dbname='crm' host='db.internal'");
  EXPECT_EQ(
      postgresql_keywords("postgresql://u:p%40ss@h:5433/crm?sslmode=disable"),
      "postgresql://user='u' password='p@ss' dbname='crm' host='h' "
      "port='5433' sslmode='disable'");
  // The keyword form keeps its keywords (in libpq's order), values quoted.
  EXPECT_EQ(postgresql_keywords("postgresql://host=db dbname=crm"),
            "postgresql://dbname='crm' host='db'");
  // What libpq cannot read is refused with its reason, not retried later.
  EXPECT_THROW(postgresql_keywords("postgresql://host=db nonsense=1"),
               std::invalid_argument);
  EXPECT_THROW(postgresql_keywords("postgresql://u@h/db?bogus=1"),
               std::invalid_argument);
}

TEST(ConnectionString, PasswordIsAddedInTheBackendsSyntax) {
  EXPECT_EQ(with_password("postgresql://host=db dbname=crm", "pw"),
            "postgresql://dbname='crm' host='db' password='pw'");
  EXPECT_EQ(with_password("postgresql://report@db/crm", "pw"),
            "postgresql://user='report' dbname='crm' host='db' password='pw'");
  // libpq quoting: \ and ' are escaped inside the quotes.
  EXPECT_EQ(with_password("postgresql://host=db", "a'b\\c d"),
            "postgresql://host='db' password='a\\'b\\\\c d'");
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
  // A password inside a URL's user information, as written and decoded.
  auto uri = secrets_of("postgresql://report:s%3Ae@db/crm", "");
  EXPECT_EQ(redact("auth failed: s%3Ae / s:e", uri), "auth failed: *** / ***");
  // Nothing to hide: the message is unchanged.
  EXPECT_EQ(redact("no secret here", secrets_of("sqlite3://db=x", "")),
            "no secret here");
}

}  // namespace
}  // namespace vigie::crm_sql
