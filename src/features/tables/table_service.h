// Tables of a base: create (with their first fields, a primary field and a
// default grid view), list, get, rename/describe, delete. Each change to
// the metadata and to the physical SQL table happens in one transaction.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

class TableService {
 public:
  explicit TableService(store::Database& database) : database_(database) {}

  // Every method REQUIRES: the caller was allowed the table action on
  // `baseId` (access::Authorizer); a table of another base is 404, as a
  // missing one.

  // Creates the table with `fields` (the first is the primary field) and
  // a grid view, in one transaction. Refuses 409 table_name_taken and
  // field_name_taken.
  boost::json::value create(const std::string& userId, const std::string& baseId,
                            const std::string& name, const std::string& description,
                            std::vector<FieldDef> fields);
  // {"tables": [...]} in display order, each with its fields and views.
  boost::json::value list(const std::string& baseId);
  boost::json::value get(const std::string& baseId, const std::string& tableId);
  // Renames or describes. Refuses 409 table_name_taken.
  boost::json::value update(const std::string& baseId, const std::string& tableId,
                            const std::optional<std::string>& name,
                            const std::optional<std::string>& description);
  // Deletes the table with its SQL table, fields and views, and the link
  // fields of other tables that link to it. Returns {"id", "deleted": true,
  // "alsoDeletedFields": [{"tableId","id","name"}]}.
  boost::json::value remove(const std::string& baseId, const std::string& tableId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
