#include "support/test_database.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>

#include "support/files.h"

namespace tessera::testing {
namespace {

std::string runOn(const std::string& url, const std::string& sql) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    throw std::runtime_error("test database: " + std::string(PQerrorMessage(connection.get())));
  }
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.c_str()),
                                                       &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw std::runtime_error("test database: " + sql + ": " + PQerrorMessage(connection.get()));
  }
  std::string text;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    for (int column = 0; column < PQnfields(result.get()); ++column) {
      if (column) text += '|';
      text += PQgetvalue(result.get(), row, column);
    }
    text += '\n';
  }
  return text;
}

}  // namespace

TestDatabase::TestDatabase(const std::filesystem::path& dataDir) : dataDir_(dataDir) {
  const char* urlFile = std::getenv("TESSERA_TEST_POSTGRES");
  if (!urlFile || !*urlFile) return;
  serverUrl_ = readFile(urlFile);
  while (!serverUrl_.empty() && std::isspace(static_cast<unsigned char>(serverUrl_.back()))) {
    serverUrl_.pop_back();
  }
  if (serverUrl_.empty()) throw std::runtime_error(std::string("no URL in ") + urlFile);
  std::random_device random;
  name_ = "test_" + std::to_string(random()) + std::to_string(random());
  runOn(serverUrl_, "CREATE DATABASE " + name_);
  url_ = serverUrl_.substr(0, serverUrl_.rfind('/') + 1) + name_;
}

TestDatabase::~TestDatabase() {
  if (!onPostgres()) return;
  try {
    runOn(serverUrl_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster is removed after the run anyway.
  }
}

std::vector<std::string> TestDatabase::args() const {
  std::vector<std::string> result = {"--data-dir", dataDir_.string()};
  if (onPostgres()) result.insert(result.end(), {"--database", url_});
  return result;
}

std::string TestDatabase::query(const std::string& sql) const { return runOn(url_, sql); }

std::string TestDatabase::dump() const {
  if (!onPostgres()) {
    std::string all;
    for (const auto& entry : std::filesystem::directory_iterator(dataDir_)) {
      all += readFile(entry.path());
    }
    return all;
  }
  const auto file = dataDir_.parent_path() / "dump.sql";
  const std::string command =
      "/usr/lib/postgresql/15/bin/pg_dump --data-only '" + url_ + "' > '" + file.string() + "'";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("pg_dump failed");
  return readFile(file);
}

}  // namespace tessera::testing
