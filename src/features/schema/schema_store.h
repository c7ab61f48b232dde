// Table schemas as stored: the rows of tables_meta and fields_meta, and
// each table's schema_version. Every statement on those two tables is
// here; the model they load (TableSchema, FieldDef) is table_schema.h, and
// the physical user tables are user_table_store.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// The table with its link, formula and lookup fields planned
// (link_fields.h, formula_fields.h, lookup_fields.h); nullopt
// when no such table exists.
std::optional<TableSchema> loadTableSchema(store::Session& session, const std::string& tableId);
// The table; throws ApiError 404 when there is none.
TableSchema requireTableSchema(store::Session& session, const std::string& tableId);
// The table's schema_version, or nullopt when no such table exists.
std::optional<std::int64_t> loadSchemaVersion(store::Session& session, const std::string& tableId);
// Records that what loadTableSchema reads of the table changed (its row or
// any of its fields), so cached copies (SchemaCache) are read again, and
// so are those of the tables that link to it (directly or through other
// tables), whose link plans read its fields. Every such change calls it in
// the same transaction.
void touchTableSchema(store::Session& session, const std::string& tableId);

// The ids of the base's tables, in display order.
std::vector<std::string> loadTableIds(store::Session& session, const std::string& baseId);
// Inserts the row of `table` (id, base, name, description, creator, times)
// after the base's last table. Throws ApiError 409 table_name_taken.
void insertTableRow(store::Session& session, const TableSchema& table);
// Saves the table's name and description. Throws ApiError 409
// table_name_taken.
void updateTableRow(store::Session& session, const TableSchema& table, UnixMillis at);
// Deletes the row; its fields and views go with it (foreign keys).
// REQUIRES: the physical table was dropped first.
void deleteTableRow(store::Session& session, const std::string& tableId);

// Inserts the metadata row of `field`, which has its id; a position of 0
// is set to after the table's last field. Throws ApiError 409
// field_name_taken.
void insertFieldRow(store::Session& session, const std::string& tableId, FieldDef& field,
                    UnixMillis at);
// Saves the field's name, description, type and options. Throws ApiError
// 409 field_name_taken.
void updateFieldRow(store::Session& session, const FieldDef& field, UnixMillis at);
// Saves the field's options alone (choices that typecast added).
void updateFieldOptions(store::Session& session, const FieldDef& field, UnixMillis at);

// A link field's row, live or in the trash.
struct LinkFieldRow {
  std::string id;
  std::string tableId;
  std::string name;
  std::string junctionId;
  bool trashed = false;
};
// The link fields (live or trashed) that share junction `junctionId`.
std::vector<LinkFieldRow> loadLinkFieldsOfJunction(store::Session& session,
                                                   const std::string& junctionId);
// The link fields (live or trashed) of other tables that link to `tableId`,
// and those of `tableId` itself.
std::vector<LinkFieldRow> loadLinkFieldsTouching(store::Session& session,
                                                 const std::string& tableId);
// The junctions of the links of the base's / the space's tables.
std::vector<std::string> loadJunctionsOfBase(store::Session& session, const std::string& baseId);
std::vector<std::string> loadJunctionsOfSpace(store::Session& session, const std::string& spaceId);
// Deletes a field's row for good (live or trashed).
void deleteFieldRow(store::Session& session, const std::string& fieldId);

}  // namespace tessera::features
