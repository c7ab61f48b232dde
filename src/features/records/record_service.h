// Records of a table: list (filter, sort, search, projection, views,
// keyset cursors), count, get, and all-or-nothing batch create, update and
// delete with type validation and typecast.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/records/record_json.h"
#include "features/tables/schema_cache.h"
#include "store/database.h"

namespace tessera::features {

constexpr std::size_t kMaxRecordsPerRequest = 1000;
constexpr std::int64_t kMaxTake = 1000;

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

  JsonText list(const std::string& tableId, const ListRequest& request);
  boost::json::value count(const std::string& tableId, const ListRequest& request);
  JsonText get(const std::string& tableId, const std::string& recordId, const ReadOptions& options);
  // Bodies as documented in docs/api.md; throw ApiError naming the record
  // index and field of the first bad value.
  JsonText create(const std::string& tableId, const std::string& userId,
                  const boost::json::value& body);
  JsonText updateOne(const std::string& tableId, const std::string& userId,
                     const std::string& recordId, const boost::json::value& body);
  JsonText updateMany(const std::string& tableId, const std::string& userId,
                      const boost::json::value& body);
  boost::json::value remove(const std::string& tableId, const std::vector<std::string>& ids);

 private:
  store::Database& database_;
  SchemaCache schemas_;
};

}  // namespace tessera::features
