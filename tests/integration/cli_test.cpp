// The command line: --help documents the options and their environment
// variables, `user create` and `user reset-password` work head-less, start-up masks secrets and
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

TEST(CliTest, ResetPasswordSetsANewOneAndEndsTheSessions) {
  TestServer server;
  HttpClient client(server.port());
  const BrowserUser user = signUp(client, "lost@example.com");
  std::string output;
  const auto reset = [&](const std::string& email, const std::string& password) {
    return runTessera(
        onDatabaseOf(server, {"user", "reset-password", "--email", email, "--password-stdin"}),
        password + "\n", output);
  };
  EXPECT_EQ(reset("lost@example.com", "short"), 1);
  EXPECT_EQ(reset("nobody@example.com", "a long new passphrase"), 1);
  EXPECT_NE(output.find("no user"), std::string::npos) << output;
  ASSERT_EQ(reset("lost@example.com", "a long new passphrase"), 0) << output;
  EXPECT_EQ(output.find("a long new passphrase"), std::string::npos) << "never echoed";

  EXPECT_EQ(client.request("GET", "/api/auth/user", "", user.headers()).status, 401);
  const auto signIn = [&](const std::string& password) {
    return client
        .json("POST", "/api/auth/signin", {{"email", "lost@example.com"}, {"password", password}})
        .status;
  };
  EXPECT_EQ(signIn("correct horse battery"), 401);
  EXPECT_EQ(signIn("a long new passphrase"), 200);
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
