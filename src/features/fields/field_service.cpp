#include "features/fields/field_service.h"

#include <boost/json/array.hpp>
#include <limits>

#include "common/random.h"
#include "features/fields/field_conversion.h"
#include "features/fields/field_input.h"
#include "features/fields/formula_check.h"
#include "features/limits.h"
#include "features/schema/field_options.h"
#include "features/schema/formula_fields.h"
#include "features/schema/schema_json.h"
#include "features/schema/schema_store.h"
#include "features/schema/trash_store.h"
#include "features/schema/user_table_store.h"
#include "features/views/sort_index_store.h"
#include "features/views/view_definition.h"
#include "features/views/view_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

const FieldDef& requireField(const TableSchema& schema, const std::string& fieldId) {
  const FieldDef* field = schema.field(fieldId, false);
  if (!field) throw http::ApiError(404, "field_not_found", "This table has no such field.");
  return *field;
}

void saveField(store::Session& session, const std::string& tableId, const FieldDef& field) {
  updateFieldRow(session, field, nowMillis());
  touchTableSchema(session, tableId);
}

// Drops trashed fields for good: their rows and their columns. Returns
// how many (another node may have purged some first).
std::size_t purgeFields(store::Session& session, const std::vector<TrashedRow>& trashed) {
  std::size_t purged = 0;
  for (const TrashedRow& row : trashed) {
    if (!deleteFromTrash(session, TrashKind::Field, row.id)) continue;
    ++purged;
    FieldDef field;
    field.id = row.id;
    field.type = parseFieldType(row.type).value_or(FieldType::SingleLineText);
    dropFieldColumn(session, row.tableId, field);
  }
  return purged;
}

// Deleted fields keep their columns, so a table's live and trashed fields
// together stay within the limit: the oldest trashed go first.
void makeRoomForAColumn(store::Session& session, const TableSchema& schema) {
  std::vector<TrashedRow> trashed =
      loadTrash(session, TrashKind::Field, std::numeric_limits<UnixMillis>::max(), schema.id);
  const std::size_t columns = schema.fields.size() + trashed.size();
  if (columns < kMaxFieldsPerTable) return;
  trashed.resize(std::min(trashed.size(), columns + 1 - kMaxFieldsPerTable));
  purgeFields(session, trashed);
}

// The views whose sort uses a field of `fieldIds`.
std::vector<ViewDef> viewsSortedByAny(const std::vector<ViewDef>& views,
                                      const std::vector<std::string>& fieldIds) {
  std::vector<ViewDef> sorting;
  for (const std::string& fieldId : fieldIds) {
    for (ViewDef& view : viewsSortedBy(views, fieldId)) sorting.push_back(std::move(view));
  }
  return sorting;
}

}  // namespace

boost::json::value FieldService::list(const std::string& tableId) {
  return database_.read([&](store::Session& session) {
    boost::json::array fields;
    for (const FieldDef& field : requireTableSchema(session, tableId).fields) {
      fields.push_back(fieldToJson(field));
    }
    return boost::json::value{{"fields", std::move(fields)}};
  });
}

boost::json::value FieldService::get(const std::string& tableId, const std::string& fieldId) {
  return database_.read([&](store::Session& session) {
    return fieldToJson(requireField(requireTableSchema(session, tableId), fieldId));
  });
}

boost::json::value FieldService::create(const std::string& tableId, FieldDef field) {
  return database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    requireRoom(schema.fields.size(), 1, kMaxFieldsPerTable, "table", "fields");
    makeRoomForAColumn(session, schema);
    if (field.type == FieldType::Formula) {
      field.id = newId("fld");
      checkFormulaField(schema, field, session.dialect());
    }
    insertField(session, tableId, field);
    return fieldToJson(field);
  });
}

boost::json::value FieldService::update(const std::string& tableId, const std::string& fieldId,
                                        const FieldChangesInput& changes) {
  boost::json::value updated = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    const FieldDef& current = requireField(schema, fieldId);
    FieldDef changed = current;
    if (changes.name) changed.name = *changes.name;
    if (changes.description) changed.description = *changes.description;
    if (changes.type) changed.type = *changes.type;
    if (changed.type != FieldType::Formula) changed.formula = nullptr;
    if (changed.isPrimary && isComputed(changed.type)) {
      throw http::badRequest("primary_field", "The primary field cannot be a computed type.");
    }
    const bool typeChanged = changed.type != current.type;
    if (changes.options || typeChanged) {
      changed.options =
          normalizeOptions(changed.type, changes.options.value_or(boost::json::value()));
    }
    const bool formulaChanged = changed.type == FieldType::Formula && changes.options;
    if (changed.type == FieldType::Formula && (formulaChanged || typeChanged)) {
      checkFormulaField(schema, changed, session.dialect());
    }
    boost::json::object result;
    if (typeChanged || formulaChanged) {
      // The sort indexes on the old column, or on formulas that use the
      // field, go with it (a column an index uses cannot be dropped on
      // SQLite), and are rebuilt on the new one.
      std::vector<std::string> affected = formulasUsing(schema, fieldId);
      affected.push_back(fieldId);
      dropSortIndexes(session, schema, viewsSortedByAny(loadViews(session, tableId), affected), {});
    }
    if (typeChanged) {
      const ConversionReport report = convertField(session, schema, current, changed);
      result["conversion"] = {{"converted", report.converted}, {"failed", report.failed}};
    }
    saveField(session, tableId, changed);
    boost::json::object json = fieldToJson(changed).as_object();
    for (auto& entry : result) json[entry.key()] = entry.value();
    return boost::json::value(std::move(json));
  });
  sortIndexes_.schedule(tableId);  // rebuilt on a retyped column
  return updated;
}

void FieldService::remove(const std::string& tableId, const std::string& fieldId) {
  database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    const FieldDef& field = requireField(schema, fieldId);
    if (field.isPrimary) {
      throw http::badRequest("primary_field",
                             "The primary field cannot be deleted; rename or retype it instead.");
    }
    const std::vector<ViewDef> before = loadViews(session, tableId);
    for (ViewDef view : before) {
      forgetField(view.definition, fieldId);
      updateView(session, view);
    }
    for (ViewDef view : loadTrashedViews(session, tableId)) {
      forgetField(view.definition, fieldId);
      updateViewDefinition(session, view);
    }
    const std::vector<ViewDef> after = loadViews(session, tableId);
    dropSortIndexes(session, schema, before, after);
    // The formulas that use the field break: their sort indexes go.
    dropSortIndexes(session, schema, viewsSortedByAny(after, formulasUsing(schema, fieldId)), {});
    moveToTrash(session, TrashKind::Field, fieldId, nowMillis());
    touchTableSchema(session, tableId);
  });
  sortIndexes_.schedule(tableId);  // a sort past the limit may get its index now
}

boost::json::value FieldService::restore(const std::string& tableId, const std::string& fieldId) {
  boost::json::value restored = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    if (!isInTrash(session, TrashKind::Field, tableId, fieldId)) {
      throw http::ApiError(
          404, "field_not_found",
          "This table has no deleted field with this id: deleted fields can be "
          "restored until the server empties its trash (after 7 days, unless set otherwise).");
    }
    requireRoom(schema.fields.size(), 1, kMaxFieldsPerTable, "table", "fields");
    restoreFromTrash(session, TrashKind::Field, tableId, fieldId);
    touchTableSchema(session, tableId);
    return fieldToJson(requireField(requireTableSchema(session, tableId), fieldId));
  });
  sortIndexes_.schedule(tableId);  // formulas that use the field work again
  return restored;
}

boost::json::value FieldService::tryFormula(const std::string& tableId,
                                            const boost::json::object& options,
                                            const std::optional<std::string>& fieldId) {
  return database_.read([&](store::Session& session) {
    return features::tryFormula(requireTableSchema(session, tableId), options, fieldId,
                                session.dialect());
  });
}

std::size_t FieldService::purgeTrash(UnixMillis cutoff) {
  const bool any = database_.read([&](store::Session& session) {
    return !loadTrash(session, TrashKind::Field, cutoff).empty();
  });
  if (!any) return 0;
  return database_.write([&](store::Session& session) {
    return purgeFields(session, loadTrash(session, TrashKind::Field, cutoff));
  });
}

}  // namespace tessera::features
