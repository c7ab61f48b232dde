// The command line: --help documents the options and their environment
// variables, `user create` works head-less, start-up masks secrets and
// refuses bad settings with a clear message.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

TEST(CliTest, ServeHelpDocumentsEveryOptionWithItsEnvironmentVariable) {
  std::string output;
  EXPECT_EQ(runTessera({"serve", "--help"}, "", output), 0);
  for (const char* expected :
       {"--listen", "TESSERA_LISTEN", "--data-dir", "TESSERA_DATA_DIR", "--database",
        "TESSERA_DATABASE", "--max-body-bytes", "--threads", "--public-url",
        "--request-timeout-seconds", "--disable-signup", "--session-idle-hours"}) {
    EXPECT_NE(output.find(expected), std::string::npos) << expected << "\n" << output;
  }
}

TEST(CliTest, UserCreateMakesAUserWhoCanSignIn) {
  TestServer server;
  std::string output;
  const int status =
      runTessera(onDatabaseOf(server, {"user", "create", "--email", "root@example.com", "--name",
                                       "Root", "--password-stdin"}),
                 "s3cret-passphrase\n", output);
  ASSERT_EQ(status, 0) << output;
  EXPECT_NE(output.find("\"email\":\"root@example.com\""), std::string::npos) << output;
  EXPECT_EQ(output.find("s3cret-passphrase"), std::string::npos);

  HttpClient client(server.port());
  const HttpResult signIn =
      client.json("POST", "/api/auth/signin",
                  {{"email", "root@example.com"}, {"password", "s3cret-passphrase"}});
  EXPECT_EQ(signIn.status, 200) << signIn.body;
  EXPECT_TRUE(signIn.json().at("user").at("isAdmin").as_bool());

  EXPECT_EQ(runTessera(onDatabaseOf(server, {"user", "create", "--email", "root@example.com",
                                             "--name", "Again", "--password-stdin"}),
                       "another-passphrase\n", output),
            1);
  EXPECT_NE(output.find("already exists"), std::string::npos) << output;
}

TEST(CliTest, UserCreateRefusesAShortPassword) {
  const auto dir = std::filesystem::temp_directory_path() / "tessera-cli-short";
  std::string output;
  EXPECT_EQ(runTessera({"user", "create", "--email", "a@example.com", "--name", "A",
                        "--password-stdin", "--data-dir", dir.string()},
                       "short\n", output),
            1);
  EXPECT_NE(output.find("password"), std::string::npos) << output;
  std::filesystem::remove_all(dir);
}

TEST(CliTest, StartUpMasksTheDatabasePasswordAndExplainsFailures) {
  std::string output;
  EXPECT_EQ(runTessera({"serve", "--listen", "127.0.0.1:0", "--database",
                        "postgres://tessera:hunter2@127.0.0.1:1/tessera"},
                       "", output),
            1);
  EXPECT_EQ(output.find("hunter2"), std::string::npos) << output;
  EXPECT_NE(output.find("tessera:***@"), std::string::npos) << output;

  EXPECT_EQ(runTessera({"serve", "--listen", "nonsense"}, "", output), 1);
  EXPECT_NE(output.find("--listen"), std::string::npos) << output;
}

TEST(CliTest, MigrateAppliesTheSchemaAndExits) {
  const auto dir = std::filesystem::temp_directory_path() / "tessera-cli-migrate";
  std::string output;
  EXPECT_EQ(runTessera({"migrate", "--data-dir", dir.string()}, "", output), 0) << output;
  EXPECT_TRUE(std::filesystem::exists(dir / "tessera.db"));
  EXPECT_EQ(runTessera({"migrate", "--data-dir", dir.string()}, "", output), 0) << output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tessera::testing
