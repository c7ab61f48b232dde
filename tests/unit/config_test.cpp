#include "app/config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include <CLI/CLI.hpp>

namespace tessera::app {
namespace {

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

TEST(ConfigTest, WritesGetAPoolOnSqliteOnlyUnlessTold) {
  Config config;
  EXPECT_EQ(config.effectiveWriteThreads(), 16u);
  config.database = "postgres://tessera@db/tessera";
  EXPECT_EQ(config.effectiveWriteThreads(), std::max(1u, std::thread::hardware_concurrency()))
      << "at most one SERIALIZABLE write per core at once";
  CLI::App app;
  addServeOptions(app, config);
  app.parse(std::vector<std::string>{"4", "--write-threads"});  // reversed argv
  EXPECT_EQ(config.effectiveWriteThreads(), 4u);
  EXPECT_THROW(app.parse(std::vector<std::string>{"1025", "--write-threads"}), CLI::ParseError);
}

TEST(ConfigTest, ReadsGetMoreThreadsOnPostgresThanOnSqlite) {
  Config config;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  EXPECT_EQ(config.effectiveThreads(), cores);
  EXPECT_EQ(config.effectiveReadThreads(), 2 * cores);
  config.database = "postgres://tessera@db/tessera";
  EXPECT_EQ(config.effectiveThreads(), cores);
  EXPECT_EQ(config.effectiveReadThreads(), 4 * cores);
  CLI::App app;
  addServeOptions(app, config);
  app.parse(std::vector<std::string>{"3", "--read-threads", "7", "--max-queued-requests"});
  EXPECT_EQ(config.effectiveReadThreads(), 3u);
  EXPECT_EQ(config.maxQueuedRequests, 7u);
  EXPECT_THROW(app.parse(std::vector<std::string>{"0", "--max-queued-requests"}), CLI::ParseError);
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

}  // namespace
}  // namespace tessera::app
