#include "app/database_url.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <filesystem>
#include <stdexcept>

namespace tessera::app {
namespace {

bool startsWith(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

DatabaseUrl parseDatabaseUrl(const std::string& setting, const std::string& dataDir) {
  if (setting.empty()) {
    return {DatabaseUrl::Backend::Sqlite, (std::filesystem::path(dataDir) / "tessera.db").string()};
  }
  if (startsWith(setting, "postgres://") || startsWith(setting, "postgresql://")) {
    return {DatabaseUrl::Backend::Postgres, setting};
  }
  for (std::string_view prefix : {"sqlite://", "sqlite:"}) {
    if (startsWith(setting, prefix)) {
      const std::string path = setting.substr(prefix.size());
      if (path.empty()) break;
      return {DatabaseUrl::Backend::Sqlite, path};
    }
  }
  throw std::invalid_argument("--database must be empty, sqlite:PATH or postgres://...; got '" +
                              maskDatabaseUrl(setting) + "'");
}

std::string maskDatabaseUrl(const std::string& setting) {
  auto parsed = boost::urls::parse_uri(setting);
  if (!parsed) return setting;
  boost::urls::url url(*parsed);
  if (url.has_password()) url.set_password("***");
  auto params = url.params();
  for (auto it = params.begin(); it != params.end(); ++it) {
    if ((*it).key == "password") it = params.set(it, "***");
  }
  return std::string(url.buffer());
}

}  // namespace tessera::app
