#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <iostream>
#include <stdexcept>

#include "app/application.h"
#include "app/commands.h"
#include "app/database_url.h"
#include "app/open_database.h"
#include "auth/password.h"
#include "features/invitations/invitation_service.h"
#include "features/users/user_store.h"
#include "http/api_error.h"
#include "store/database_copy.h"

namespace tessera::app {
namespace {

// One line of standard input, without its line ending: a password is never
// an argument (it would show in the process list and the shell history).
std::string readPasswordLine() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

int runUserCreate(const Config& config, const std::string& email, const std::string& name) {
  features::NewUser user{email, name, readPasswordLine()};
  try {
    features::validateNewUser(user);
    auto database = openDatabase(config);
    const std::string hash = auth::hashPassword(user.password);
    // Like a sign-up, the new account takes up the e-mail invitations
    // waiting for its address.
    const features::User created = database->write([&](store::Session& session) {
      features::User inserted = features::insertUser(session, user, hash);
      features::joinOnSignUp(session, inserted, "");
      return inserted;
    });
    database->close();
    std::cout << boost::json::serialize(features::userToJson(created)) << std::endl;
    return 0;
  } catch (const http::ApiError& error) {
    std::cerr << "tessera: " << error.what() << std::endl;
    return 1;
  }
}

int runUserSetDisabled(const Config& config, const std::string& email, bool disabled) {
  auto database = openDatabase(config);
  const bool found = database->write(
      [&](store::Session& session) { return features::setUserDisabled(session, email, disabled); });
  database->close();
  if (!found) {
    std::cerr << "tessera: no user with the email " << email << std::endl;
    return 1;
  }
  std::cout << email << (disabled ? " is disabled" : " is enabled") << std::endl;
  return 0;
}

int runUserResetPassword(const Config& config, const std::string& email) {
  const std::string password = readPasswordLine();
  try {
    features::validatePassword(password);
  } catch (const http::ApiError& error) {
    std::cerr << "tessera: " << error.what() << std::endl;
    return 1;
  }
  const std::string hash = auth::hashPassword(password);
  auto database = openDatabase(config);
  const bool found = database->write([&](store::Session& session) {
    const auto user = features::findUserByEmail(session, email);
    if (!user) return false;
    features::setUserPassword(session, user->id, hash, "");  // ends every session
    return true;
  });
  database->close();
  if (!found) {
    std::cerr << "tessera: no user with the email " << email << std::endl;
    return 1;
  }
  std::cout << email << ": the password is reset and every browser session ended" << std::endl;
  return 0;
}

int runRoutes(const Config& config) {
  Application application(config);
  boost::json::array routes;
  for (const http::Route& route : application.router().routes()) {
    const access::Requirement& requirement = route.requirement;
    boost::json::object entry{{"method", route.method}, {"path", route.pattern}};
    switch (requirement.kind) {
      case access::Requirement::Kind::Anyone:
        entry["requires"] = "anyone";
        break;
      case access::Requirement::Kind::SignedIn:
        entry["requires"] = "signedIn";
        break;
      case access::Requirement::Kind::SessionOnly:
        entry["requires"] = "session";
        break;
      case access::Requirement::Kind::TokenOnly:
        entry["requires"] = "token";
        break;
      case access::Requirement::Kind::Loopback:
        entry["requires"] = "loopback";
        break;
      case access::Requirement::Kind::InstanceAdmin:
        entry["requires"] = "instanceAdmin";
        break;
      case access::Requirement::Kind::OnResource:
        entry["requires"] = "resource";
        entry["resource"] = access::resourceKindName(requirement.resourceKind);
        break;
    }
    if (requirement.action) entry["action"] = access::actionName(*requirement.action);
    routes.push_back(std::move(entry));
  }
  application.flush();
  application.database().close();
  std::cout << boost::json::serialize(routes) << std::endl;
  return 0;
}

int runMigrate(const Config& config, const std::string& copyTo) {
  auto database = openDatabase(config);
  spdlog::info("the database schema is up to date");
  if (!copyTo.empty()) {
    if (parseDatabaseUrl(config.database, config.dataDir).backend != DatabaseUrl::Backend::Sqlite ||
        parseDatabaseUrl(copyTo, config.dataDir).backend != DatabaseUrl::Backend::Postgres) {
      throw std::runtime_error("--copy-to copies a SQLite instance into a postgres:// database");
    }
    Config targetConfig = config;
    targetConfig.database = copyTo;
    auto target = openDatabase(targetConfig);
    std::int64_t rows = 0;
    for (const auto& [table, count] : store::copySqliteDatabase(*database, *target)) rows += count;
    target->close();
    spdlog::info("copied {} rows into {}", rows, maskDatabaseUrl(copyTo));
  }
  database->close();
  return 0;
}

}  // namespace tessera::app
