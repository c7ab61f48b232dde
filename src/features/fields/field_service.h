// Fields of a table: list, get, create, change (name, description, type,
// options) and delete. A type change converts every existing value where
// it can and reports how many it could not; the physical column changes
// in the same transaction.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "common/clock.h"
#include "features/fields/field_input.h"
#include "features/views/sort_index_builder.h"
#include "store/database.h"

namespace tessera::features {

class FieldService {
 public:
  FieldService(store::Database& database, SortIndexBuilder& sortIndexes)
      : database_(database), sortIndexes_(sortIndexes) {}

  // Every method REQUIRES: the caller was allowed the field action on
  // `tableId` (access::Authorizer), and throws ApiError 404 when the table
  // is gone by the time it reads; 404 field_not_found for an unknown field.

  // {"fields": [...]}, the primary field first.
  boost::json::value list(const std::string& tableId);
  boost::json::value get(const std::string& tableId, const std::string& fieldId);
  // Adds `field` (its id is assigned) with its column; a two-way link
  // adds its symmetric field to the linked table too ("symmetricField" in
  // the result). Refuses 409 field_name_taken, and what createLink refuses.
  boost::json::value create(const std::string& tableId, FieldDef field);
  // Applies what `changes` names. A new type converts every value it can
  // and reports {"conversion": {"converted", "failed"}}; options are
  // checked against the (new) type; a link's relationship may change, and
  // it may become one-way ("alsoDeletedFields": its symmetric field) or
  // two-way ("symmetricField") (changeLink). Refuses 400 (invalid_field, bad options, a computed or
  // link primary field: primary_field) and 409 field_name_taken.
  boost::json::value update(const std::string& tableId, const std::string& fieldId,
                            const FieldChangesInput& changes);
  // Deletes the field and takes it out of every view. Its column stays in
  // the trash for --trash-retention-days (features/schema/trash_store.h), so
  // restore() can bring it back with every value. A link's symmetric field
  // goes with it. Returns {"id", "deleted": true, "alsoDeletedFields":
  // [{"tableId","id","name"}]}. Refuses 400 primary_field.
  boost::json::value remove(const std::string& tableId, const std::string& fieldId);
  // Brings a deleted field back (under "Name (restored)" when its name was
  // taken meanwhile), and a link's symmetric field with it
  // ("alsoRestoredFields"); views show them again only where someone adds
  // them.
  // Refuses 404 field_not_found (not in the trash: never deleted, or
  // purged), 409 limit_reached, 409 field_name_taken.
  boost::json::value restore(const std::string& tableId, const std::string& fieldId);
  // What the formula of a formula field with `options` (normalizeOptions)
  // would compute in the table, or why it cannot (formula_check.h's
  // tryFormula); nothing is saved. `fieldId` names the field being edited.
  boost::json::value tryFormula(const std::string& tableId, const boost::json::object& options,
                                const std::optional<std::string>& fieldId);
  // Drops for good the fields deleted before `cutoff`, with their columns.
  // Returns how many.
  std::size_t purgeTrash(UnixMillis cutoff);

 private:
  store::Database& database_;
  SortIndexBuilder& sortIndexes_;
};

}  // namespace tessera::features
