// Link fields over their lives, inside the caller's transaction: creating
// one (its junction and, for a two-way link, the symmetric field in the
// linked table), changing its relationship or making it one-way or
// two-way, and what deleting a table or purging a deleted link does to the
// links that reach it. (Deleting and
// restoring a link field take its symmetric field along: field_service.)
#pragma once

#include <boost/json/array.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// A field that went with another: a link's symmetric field.
struct AffectedField {
  std::string tableId;
  std::string id;
  std::string name;
};
// [{"tableId", "id", "name"}].
boost::json::array affectedJson(const std::vector<AffectedField>& fields);

// Makes `field` of `table` (type link, id assigned, options as
// normalizeOptions gave them) a stored link: checks that the linked table
// is of the same base (else 400 invalid_field), creates the junction and,
// unless one-way, inserts the symmetric field into the linked table (named
// options.symmetricFieldName, else after `table`) and returns it. The
// caller then inserts `field`. Refuses 409 limit_reached when the linked
// table has no room for a field, 409 field_name_taken for a symmetric
// field name that is taken.
std::optional<FieldDef> createLink(store::Session& session, const TableSchema& table,
                                   FieldDef& field);

// What changing a link did to its symmetric field.
struct LinkFieldChange {
  std::optional<FieldDef> createdSymmetric;  // the link became two-way
  std::vector<AffectedField> deletedFields;  // the link became one-way
};

// Applies the options a client asked for (`changed.options`, as
// normalizeOptions gave them) to the link `current` of `table`: the
// relationship may change, only when the existing links fit it (409
// links_exceed_relationship naming a record), and the symmetric field
// follows; `oneWay` may change: true deletes the symmetric field for good
// (out of its views; the links stay), false creates it (named
// options.symmetricFieldName, else after `table`; refused as createLink
// refuses). The linked table and the rest are fixed (400 invalid_field).
// Leaves the stored options in `changed.options`.
LinkFieldChange changeLink(store::Session& session, const TableSchema& table,
                           const FieldDef& current, FieldDef& changed);

// Deletes link `symmetricFieldId` of table `linkedTableId` for good, out of
// its views, with its materialised column; the junction stays. Returns it
// when it was live.
std::vector<AffectedField> deleteSymmetricField(store::Session& session,
                                                const std::string& linkedTableId,
                                                const std::string& symmetricFieldId);

// For deleting table `tableId`: deletes for good the link fields of other
// tables that link to it (live or in the trash), taking the live ones out
// of their views, and drops the junctions of every link it has. Returns
// the live fields of other tables it deleted.
std::vector<AffectedField> removeLinksOfTable(store::Session& session, const std::string& tableId);

// After a link field's row left the trash for good: deletes the rows of
// its junction's other fields that are in the trash too, and drops the
// junction unless a live field still reads it.
void purgeLinkJunction(store::Session& session, const std::string& junctionId);

}  // namespace tessera::features
