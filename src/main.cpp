// tessera: the command line. serve | mcp | user | migrate | backup | restore | routes.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/commands.h"
#include "app/config.h"
#include "app/logging.h"

int main(int argc, char** argv) {
  using namespace tessera::app;
  CLI::App cli{"Tessera: a self-hosted table database with personal access tokens"};
  cli.set_version_flag("--version", "tessera 0.1.0");
  cli.require_subcommand(1);

  Config config;
  CLI::App* serve = cli.add_subcommand("serve", "Run the HTTP server");
  addServeOptions(*serve, config);

  CLI::App* user = cli.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  CLI::App* userCreate =
      user->add_subcommand("create", "Create a user; the password is read from standard input");
  std::string email, name;
  bool passwordStdin = false;
  userCreate->add_option("--email", email, "Email address")->required();
  userCreate->add_option("--name", name, "Display name")->required();
  userCreate->add_flag("--password-stdin", passwordStdin, "Read the password from stdin")
      ->required();
  addDatabaseOptions(*userCreate, config);

  std::string targetEmail;
  CLI::App* userDisable = user->add_subcommand(
      "disable", "Disable an account: its sessions and tokens stop working at once");
  CLI::App* userEnable = user->add_subcommand("enable", "Enable a disabled account again");
  CLI::App* userResetPassword = user->add_subcommand(
      "reset-password",
      "Set a user's password, read from standard input; their browser sessions end");
  userResetPassword->add_flag("--password-stdin", passwordStdin, "Read the password from stdin")
      ->required();
  for (CLI::App* command : {userDisable, userEnable, userResetPassword}) {
    command->add_option("--email", targetEmail, "Email address")->required();
    addDatabaseOptions(*command, config);
  }

  CLI::App* mcp = cli.add_subcommand(
      "mcp",
      "Run an MCP server on stdin/stdout. Environment: TESSERA_API_TOKEN (or "
      "TESSERA_API_TOKEN_FILE), TESSERA_URL (default http://127.0.0.1:8080; http:// only to "
      "this machine), TESSERA_CA_FILE (PEM CAs for an https:// URL)");

  CLI::App* migrate = cli.add_subcommand("migrate", "Apply pending database migrations and exit");
  addDatabaseOptions(*migrate, config);
  std::string copyTo;
  migrate->add_option("--copy-to", copyTo,
                      "Then copy this SQLite instance into the empty PostgreSQL database at this "
                      "postgres:// URL");

  std::string backupFile;
  CLI::App* backup = cli.add_subcommand(
      "backup", "Copy a SQLite instance to a new file, consistently, while it serves");
  backup->add_option("--to", backupFile, "The backup file to write (must not exist)")->required();
  addDatabaseOptions(*backup, config);
  CLI::App* restore = cli.add_subcommand(
      "restore", "Replace a SQLite instance by a backup (stop its servers first)");
  restore->add_option("--from", backupFile, "The backup file to restore")->required();
  addDatabaseOptions(*restore, config);

  CLI::App* routes =
      cli.add_subcommand("routes", "Print every HTTP route and what it requires, as JSON");
  addDatabaseOptions(*routes, config);

  CLI11_PARSE(cli, argc, argv);

  try {
    setUpLogging(config.logLevel);
    if (serve->parsed()) {
      validate(config);
      return runServe(config);
    }
    if (userCreate->parsed()) return runUserCreate(config, email, name);
    if (userDisable->parsed()) return runUserSetDisabled(config, targetEmail, true);
    if (userEnable->parsed()) return runUserSetDisabled(config, targetEmail, false);
    if (userResetPassword->parsed()) return runUserResetPassword(config, targetEmail);
    if (mcp->parsed()) return runMcpStdio();
    if (migrate->parsed()) return runMigrate(config, copyTo);
    if (backup->parsed()) return runBackup(config, backupFile);
    if (restore->parsed()) return runRestore(config, backupFile);
    if (routes->parsed()) return runRoutes(config);
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return 1;
  }
  return 0;
}
