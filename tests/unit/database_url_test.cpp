#include "app/database_url.h"

#include <gtest/gtest.h>

namespace tessera::app {
namespace {

TEST(DatabaseUrlTest, DefaultsToASqliteFileInTheDataDir) {
  const DatabaseUrl url = parseDatabaseUrl("", "/var/lib/tessera");
  EXPECT_EQ(url.backend, DatabaseUrl::Backend::Sqlite);
  EXPECT_EQ(url.location, "/var/lib/tessera/tessera.db");
  EXPECT_EQ(parseDatabaseUrl("sqlite:/tmp/x.db", "d").location, "/tmp/x.db");
  EXPECT_EQ(parseDatabaseUrl("postgres://h/db", "d").backend, DatabaseUrl::Backend::Postgres);
  EXPECT_THROW(parseDatabaseUrl("mysql://h/db", "d"), std::invalid_argument);
}

TEST(DatabaseUrlTest, PasswordsAreMasked) {
  EXPECT_EQ(maskDatabaseUrl("postgres://tessera:s3cret@db:5432/tessera"),
            "postgres://tessera:***@db:5432/tessera");
  EXPECT_EQ(maskDatabaseUrl("postgres://db/tessera?user=t&password=s3cret"),
            "postgres://db/tessera?user=t&password=***");
  EXPECT_EQ(maskDatabaseUrl("sqlite:/tmp/x.db"), "sqlite:/tmp/x.db");
}

}  // namespace
}  // namespace tessera::app
