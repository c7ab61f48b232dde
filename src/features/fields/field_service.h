// Fields of a table: list, get, create, change (name, description, type,
// options) and delete. A type change converts every existing value where
// it can and reports how many it could not; the physical column changes
// in the same transaction.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "store/database.h"

namespace tessera::features {

class FieldService {
 public:
  explicit FieldService(store::Database& database) : database_(database) {}

  boost::json::value list(const std::string& tableId);
  boost::json::value get(const std::string& tableId, const std::string& fieldId);
  boost::json::value create(const std::string& tableId, const boost::json::value& body);
  boost::json::value update(const std::string& tableId, const std::string& fieldId,
                            const boost::json::value& body);
  void remove(const std::string& tableId, const std::string& fieldId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
