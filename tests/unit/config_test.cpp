#include <gtest/gtest.h>

#include <CLI/CLI.hpp>

#include "app/config.h"
#include "app/database_url.h"
#include "app/logging.h"

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

TEST(ConfigTest, FlagsAndEnvironmentFillTheConfig) {
  Config config;
  CLI::App app;
  addServeOptions(app, config);
  setenv("TESSERA_MAX_BODY_BYTES", "2048", 1);
  app.parse(std::vector<std::string>{"127.0.0.1:9", "--listen"});  // reversed argv
  unsetenv("TESSERA_MAX_BODY_BYTES");
  EXPECT_EQ(config.listen, "127.0.0.1:9");
  EXPECT_EQ(config.maxBodyBytes, 2048u);
  EXPECT_EQ(config.host(), "127.0.0.1");
  EXPECT_EQ(config.port(), 9);
}

TEST(ConfigTest, ValidationExplainsBadSettings) {
  Config config;
  config.listen = "localhost";
  EXPECT_THROW(validate(config), std::invalid_argument);
  config.listen = "127.0.0.1:99999";
  EXPECT_THROW(validate(config), std::invalid_argument);
  config.listen = "127.0.0.1:8080";
  config.publicUrl = "ftp://x";
  EXPECT_THROW(validate(config), std::invalid_argument);
  config.publicUrl = "https://tessera.example.com";
  EXPECT_NO_THROW(validate(config));
}

TEST(ConfigTest, DescriptionMasksTheDatabasePassword) {
  Config config;
  config.database = "postgres://u:hunter2@db/t";
  const std::string text = describe(config);
  EXPECT_EQ(text.find("hunter2"), std::string::npos);
  EXPECT_NE(text.find("***"), std::string::npos);
}

TEST(LoggingTest, LogfmtValuesAreQuotedAndEscaped) {
  EXPECT_EQ(logfmtValue("/api/space"), "/api/space");
  EXPECT_EQ(logfmtValue("a b"), "\"a b\"");
  EXPECT_EQ(logfmtValue("x\"y\nz"), "\"x\\\"y\\x0az\"");
  EXPECT_EQ(logfmtValue(""), "\"\"");
}

}  // namespace
}  // namespace tessera::app
