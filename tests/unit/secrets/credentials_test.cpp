// Credentials written in connection strings are found by their shape.
#include "secrets/credentials.hpp"

#include <gtest/gtest.h>

namespace vigie::secrets {
namespace {

TEST(Credentials, PasswordInAUrlsUserInformation) {
  EXPECT_EQ(hide_credentials("postgresql://user:pass@host/db"),
            "postgresql://user:***@host/db");
  // '@' inside the password: the last '@' of the authority ends it.
  EXPECT_EQ(hide_credentials("x postgresql://u:p@ss@h:5432/db?a=b y"),
            "x postgresql://u:***@h:5432/db?a=b y");
  // No password, or no user information: nothing to hide.
  EXPECT_EQ(hide_credentials("postgresql://report@db.internal/crm"),
            "postgresql://report@db.internal/crm");
  EXPECT_EQ(hide_credentials("see https://example.org/a:b@c"),
            "see https://example.org/a:b@c");
  EXPECT_EQ(hide_credentials("smtp://mail:pw@m:25 and ftp://a:bb@c"),
            "smtp://mail:***@m:25 and ftp://a:***@c");
}

TEST(Credentials, PasswordPairsInEveryQuotingStyle) {
  EXPECT_EQ(hide_credentials("host=db password=s3cret dbname=crm"),
            "host=db password=*** dbname=crm");
  EXPECT_EQ(hide_credentials("host=db Password = 'a b\\'c' dbname=crm"),
            "host=db Password = '***' dbname=crm");
  EXPECT_EQ(hide_credentials("DSN=w;UID=u;PWD={p}}w;x};Port=1"),
            "DSN=w;UID=u;PWD={***};Port=1");
  EXPECT_EQ(hide_credentials("db?user=a&passwd=zz&x=1"),
            "db?user=a&passwd=***&x=1");
}

TEST(Credentials, OnlyWholeKeysAndNotTwice) {
  EXPECT_EQ(hide_credentials("mypassword=visible old_pwd=visible"),
            "mypassword=visible old_pwd=visible");
  EXPECT_EQ(hide_credentials("password=*** pwd=${CRM_PASSWORD}"),
            "password=*** pwd=${CRM_PASSWORD}");
  EXPECT_EQ(hide_credentials("password="), "password=");
  EXPECT_EQ(hide_credentials("plain text = 3"), "plain text = 3");
}

}  // namespace
}  // namespace vigie::secrets
