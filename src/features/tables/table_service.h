// Tables of a base: create (with their first fields, a primary field and a
// default grid view), list, get, rename/describe, delete. Each change to
// the metadata and to the physical SQL table happens in one transaction.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "store/database.h"

namespace tessera::features {

class TableService {
 public:
  explicit TableService(store::Database& database) : database_(database) {}

  // `fields` is the optional "fields" array of the request (null if absent).
  boost::json::value create(const std::string& userId, const std::string& baseId,
                            const std::string& name, const std::string& description,
                            const boost::json::value& fields);
  boost::json::value list(const std::string& baseId);
  boost::json::value get(const std::string& baseId, const std::string& tableId);
  boost::json::value update(const std::string& baseId, const std::string& tableId,
                            const std::optional<std::string>& name,
                            const std::optional<std::string>& description);
  void remove(const std::string& baseId, const std::string& tableId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
