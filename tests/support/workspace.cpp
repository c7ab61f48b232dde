#include "support/workspace.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <stdexcept>

namespace tessera::testing {
namespace {

boost::json::value expectCreated(const HttpResult& result, const std::string& what) {
  if (result.status != 201) {
    throw std::runtime_error(what + " failed: " + std::to_string(result.status) + " " +
                             result.body);
  }
  return result.json();
}

}  // namespace

Workspace makeWorkspace(const HttpClient& client, const std::string& email) {
  Workspace workspace;
  workspace.owner = signUp(client, email);
  const auto space = expectCreated(
      client.json("POST", "/api/space", {{"name", "Space"}}, workspace.owner.headers()), "space");
  workspace.spaceId = std::string(space.at("id").as_string());
  const auto base = expectCreated(
      client.json("POST", "/api/base", {{"spaceId", workspace.spaceId}, {"name", "Base"}},
                  workspace.owner.headers()),
      "base");
  workspace.baseId = std::string(base.at("id").as_string());
  return workspace;
}

boost::json::value createTable(const HttpClient& client, const Workspace& workspace,
                               const boost::json::value& body) {
  return expectCreated(client.json("POST", "/api/base/" + workspace.baseId + "/table", body,
                                   workspace.owner.headers()),
                       "table");
}

boost::json::array createRecords(const HttpClient& client, const BrowserUser& user,
                                 const std::string& tableId, const boost::json::array& fields) {
  boost::json::array records;
  for (const auto& item : fields) records.push_back(boost::json::object{{"fields", item}});
  const auto created =
      expectCreated(client.json("POST", "/api/table/" + tableId + "/record",
                                {{"records", records}, {"typecast", true}}, user.headers()),
                    "records");
  return created.at("records").as_array();
}

HttpResult postField(const HttpClient& client, const BrowserUser& user, const std::string& tableId,
                     const boost::json::value& body) {
  return client.json("POST", "/api/table/" + tableId + "/field", body, user.headers());
}

std::string fieldIdOf(const HttpClient& client, const BrowserUser& user, const std::string& tableId,
                      const std::string& name) {
  const HttpResult listed =
      client.request("GET", "/api/table/" + tableId + "/field", "", user.headers());
  const boost::json::value body = listed.json();
  for (const auto& field : body.at("fields").as_array()) {
    if (field.at("name").as_string() == name) return std::string(field.at("id").as_string());
  }
  return "";
}

std::vector<std::string> recordNames(const HttpResult& list) {
  if (list.status != 200) {
    throw std::runtime_error("listing records answered " + std::to_string(list.status) + ": " +
                             list.body);
  }
  std::vector<std::string> names;
  const boost::json::value body = list.json();
  for (const auto& record : body.at("records").as_array()) {
    names.emplace_back(record.at("fields").at("Name").as_string());
  }
  return names;
}

HttpResult patchRecord(const HttpClient& client, const BrowserUser& user,
                       const std::string& tableId, const std::string& recordId,
                       const boost::json::object& fields) {
  return client.json("PATCH", "/api/table/" + tableId + "/record/" + recordId, {{"fields", fields}},
                     user.headers());
}

boost::json::value createToken(const HttpClient& client, const BrowserUser& user,
                               const boost::json::array& scopes) {
  return expectCreated(
      client.json("POST", "/api/access-token",
                  {{"name", "test token"}, {"scopes", scopes}, {"expiresAt", "2027-06-01"}},
                  user.headers()),
      "token");
}

std::string urlEncode(const std::string& value) {
  return boost::urls::encode(value, boost::urls::unreserved_chars);
}

std::string fieldId(const boost::json::value& table, const std::string& name) {
  for (const auto& field : table.at("fields").as_array()) {
    if (field.at("name").as_string() == name) return std::string(field.at("id").as_string());
  }
  throw std::runtime_error("no field " + name);
}

}  // namespace tessera::testing
