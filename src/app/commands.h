// The subcommands of the `tessera` executable. Each returns the process
// exit code.
#pragma once

#include <string>

#include "app/config.h"

namespace tessera::app {

// `tessera serve`: serves until SIGINT/SIGTERM, then shuts down gracefully.
int runServe(const Config& config);

// `tessera user create`: creates a user, the password read from stdin.
int runUserCreate(const Config& config, const std::string& email, const std::string& name);

// `tessera user reset-password`: sets a user's password, read from stdin,
// and ends their browser sessions (for a user locked out without e-mail).
int runUserResetPassword(const Config& config, const std::string& email);

// `tessera user disable|enable`: stops (or restores) an account, its
// sessions and its tokens.
int runUserSetDisabled(const Config& config, const std::string& email, bool disabled);

// `tessera mcp`: an MCP server on stdin/stdout that acts through the REST
// API at TESSERA_URL with the token in TESSERA_API_TOKEN.
int runMcpStdio();

// `tessera migrate`: applies pending schema migrations and exits. With
// `copyTo` (a postgres:// URL), then copies the whole instance there.
int runMigrate(const Config& config, const std::string& copyTo);

// `tessera backup --to FILE`: a consistent copy of a SQLite instance,
// taken while it serves. On PostgreSQL, names pg_dump and returns 2.
int runBackup(const Config& config, const std::string& toFile);

// `tessera restore --from FILE`: replaces a SQLite instance by a backup,
// refused while a server runs on it; then migrates it to this version. On
// PostgreSQL, names pg_restore and returns 2.
int runRestore(const Config& config, const std::string& fromFile);

// `tessera routes`: prints every route the server registers, with what it
// requires, as JSON (for the API description and access tests).
int runRoutes(const Config& config);

}  // namespace tessera::app
