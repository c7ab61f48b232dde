// A signed-in owner with a space and a base, and helpers to create tables
// and records through the API, for data API tests.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "support/http_client.h"

namespace tessera::testing {

struct Workspace {
  BrowserUser owner;
  std::string spaceId;
  std::string baseId;
};

Workspace makeWorkspace(const HttpClient& client, const std::string& email);

// POST /api/base/{baseId}/table; expects 201 and returns the table.
boost::json::value createTable(const HttpClient& client, const Workspace& workspace,
                               const boost::json::value& body);

// POST records (typecast on); expects 201 and returns the created records.
boost::json::array createRecords(const HttpClient& client, const BrowserUser& user,
                                 const std::string& tableId, const boost::json::array& fields);

// POST /api/table/{tableId}/field as `user`; the answer as it comes.
HttpResult postField(const HttpClient& client, const BrowserUser& user, const std::string& tableId,
                     const boost::json::value& body);

// The id of the field named `name` of `tableId`, as `user` lists them; ""
// when there is none.
std::string fieldIdOf(const HttpClient& client, const BrowserUser& user, const std::string& tableId,
                      const std::string& name);

// The "Name" of each record of a list answer, in order. Throws
// std::runtime_error, with the answer, when it is not a 200.
std::vector<std::string> recordNames(const HttpResult& list);

// PATCH /api/table/{tableId}/record/{recordId} {"fields"} as `user`; the
// answer as it comes.
HttpResult patchRecord(const HttpClient& client, const BrowserUser& user,
                       const std::string& tableId, const std::string& recordId,
                       const boost::json::object& fields);

// POST /api/access-token with these scopes; expects 201 and returns the
// answer (with "id" and, once, "token").
boost::json::value createToken(const HttpClient& client, const BrowserUser& user,
                               const boost::json::array& scopes);

// Percent-encodes a query-string value.
std::string urlEncode(const std::string& value);

// The id of the field named `name` in a table JSON.
std::string fieldId(const boost::json::value& table, const std::string& name);

}  // namespace tessera::testing
