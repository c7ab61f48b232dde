// Grid views of a table: list, get, create, change (name, filter, sort,
// hidden fields, field order) and delete. Sorting on a field indexes it.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "common/clock.h"
#include "features/views/sort_index_builder.h"
#include "features/views/view_input.h"
#include "store/database.h"

namespace tessera::features {

class ViewService {
 public:
  ViewService(store::Database& database, SortIndexBuilder& sortIndexes)
      : database_(database), sortIndexes_(sortIndexes) {}

  // Every method REQUIRES: the caller was allowed the view action on
  // `tableId` (access::Authorizer), and throws ApiError 404 when the table
  // is gone by the time it reads; 404 view_not_found for an unknown view.

  // {"views": [...]} in display order.
  boost::json::value list(const std::string& tableId);
  boost::json::value get(const std::string& tableId, const std::string& viewId);
  // REQUIRES: input.name is set. Creates the view and the index its sort
  // needs (built in the background, features/views/sort_index_builder.h).
  // Refuses 400 for a definition the table cannot use, 409 view_name_taken
  // and 409 limit_reached.
  boost::json::value create(const std::string& tableId, const ViewInput& input);
  // Applies what `changes` names; sort indexes follow. Refuses as create.
  boost::json::value update(const std::string& tableId, const std::string& viewId,
                            const ViewInput& changes);
  // Moves the view to the trash for --trash-retention-days
  // (features/schema/trash_store.h), from where restore() brings it back.
  // Refuses 409 last_view: a table keeps at least one view.
  void remove(const std::string& tableId, const std::string& viewId);
  // Brings a deleted view back with its definition (less the fields deleted
  // since), under "Name (restored)" when its name was taken meanwhile.
  // Refuses 404 view_not_found (not in the trash), 409 limit_reached, 409
  // view_name_taken.
  boost::json::value restore(const std::string& tableId, const std::string& viewId);
  // Deletes for good the views deleted before `cutoff`. Returns how many.
  std::size_t purgeTrash(UnixMillis cutoff);

 private:
  store::Database& database_;
  SortIndexBuilder& sortIndexes_;
};

}  // namespace tessera::features
