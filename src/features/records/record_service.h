// Records of a table: list (filter, sort, search, projection, views,
// keyset cursors), count, get, and all-or-nothing batch create, update and
// delete with type validation and typecast.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/records/record_input.h"
#include "features/records/record_json.h"
#include "features/schema/schema_cache.h"
#include "store/database.h"

namespace tessera::features {

constexpr std::int64_t kMaxTake = 1000;

// What a list or count asks for, read from the query string by the routes.
struct ListRequest {
  ReadOptions read;
  std::optional<std::string> viewId;
  boost::json::value filter;   // null: none
  boost::json::value orderBy;  // null: the view's sort, or creation order
  std::string search;
  std::optional<std::string> cursor;
  std::int64_t take = 100;
  std::int64_t skip = 0;
};

class RecordService {
 public:
  explicit RecordService(store::Database& database) : database_(database) {}

  // Every method REQUIRES: the caller was allowed the record action on
  // `tableId` (access::Authorizer), and throws ApiError 404 when the table
  // is gone by the time it reads.

  // A page of records: {"records": [...], "cursor"?}. Refuses 400 for a
  // filter, sort, view or cursor this table cannot use (invalid_filter,
  // invalid_sort, invalid_cursor, ...) and 404 view_not_found.
  JsonText list(const std::string& tableId, const ListRequest& request);
  // {"count": n} of the records `request` would list (filter, view, search).
  boost::json::value count(const std::string& tableId, const ListRequest& request);
  // One record. Refuses 404 record_not_found.
  JsonText get(const std::string& tableId, const std::string& recordId, const ReadOptions& options);
  // Creates every record or none: {"records": [...]} in the order given.
  // Refuses 400 naming the record and field of the first bad value.
  JsonText create(const std::string& tableId, const std::string& userId, const RecordsInput& input);
  // Changes one record. REQUIRES: input.records.size() == 1. Refuses 400
  // for a bad value, 404 record_not_found, 409 version_conflict.
  JsonText updateOne(const std::string& tableId, const std::string& userId,
                     const std::string& recordId, const RecordsInput& input);
  // Changes every record or none (each by its id), as updateOne does.
  JsonText updateMany(const std::string& tableId, const std::string& userId,
                      const RecordsInput& input);
  // Deletes every record or none: {"records": [{"id","deleted"}]}. Refuses
  // 400 for no ids or more than 1000, 404 record_not_found.
  boost::json::value remove(const std::string& tableId, const std::vector<std::string>& ids);

 private:
  store::Database& database_;
  SchemaCache schemas_;
};

}  // namespace tessera::features
