// Grid views of a table: list, get, create, change (name, filter, sort,
// hidden fields, field order) and delete. Sorting on a field indexes it.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "store/database.h"

namespace tessera::features {

class ViewService {
 public:
  explicit ViewService(store::Database& database) : database_(database) {}

  boost::json::value list(const std::string& tableId);
  boost::json::value get(const std::string& tableId, const std::string& viewId);
  boost::json::value create(const std::string& tableId, const boost::json::value& body);
  boost::json::value update(const std::string& tableId, const std::string& viewId,
                            const boost::json::value& body);
  // Throws ApiError 409 last_view: a table keeps at least one view.
  void remove(const std::string& tableId, const std::string& viewId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
