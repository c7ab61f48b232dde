#include "features/fields/field_service.h"

#include <boost/json/array.hpp>
#include <limits>

#include "common/random.h"
#include "features/fields/field_conversion.h"
#include "features/fields/field_detach.h"
#include "features/fields/field_input.h"
#include "features/fields/formula_check.h"
#include "features/fields/link_conversion.h"
#include "features/fields/link_lifecycle.h"
#include "features/fields/materialised_sync.h"
#include "features/limits.h"
#include "features/schema/field_options.h"
#include "features/schema/formula_fields.h"
#include "features/schema/materialised_store.h"
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

// The field as planned, with what it reads from other tables; a lookup
// that cannot be computed is refused (400 invalid_field) and the change
// with it.
FieldDef plannedField(store::Session& session, const std::string& tableId,
                      const std::string& fieldId) {
  FieldDef field = requireField(requireTableSchema(session, tableId), fieldId);
  if (field.lookup && field.lookup->error) {
    throw http::badRequest(
        "invalid_field", "Lookup '" + field.name + "' cannot be computed: " + *field.lookup->error);
  }
  // A formula checked before it was saved breaks once saved only through a
  // circle: it uses a rollup that reads the formula back.
  if (field.formula && field.formula->error) {
    throw http::badRequest("invalid_formula", "Formula '" + field.name +
                                                  "' cannot be computed (a circular reference?): " +
                                                  field.formula->error->message);
  }
  return field;
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
    if (isMaterialised(field.type)) dropMaterialisedColumn(session, row.tableId, row.id);
    if (!row.linkJunction.empty()) purgeLinkJunction(session, row.linkJunction);
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

// Takes the field out of its table's views and moves it to the trash.
void trashField(store::Session& session, const TableSchema& schema, const std::string& fieldId) {
  detachFromViews(session, schema, fieldId);
  moveToTrash(session, TrashKind::Field, fieldId, nowMillis());
  touchTableSchema(session, schema.id);
}

// A link's symmetric field, when it is live.
std::optional<AffectedField> livePartner(store::Session& session, const FieldDef& field) {
  if (!field.link || field.link->symmetricFieldId.empty()) return std::nullopt;
  const TableSchema linked = requireTableSchema(session, field.link->linkedTableId);
  const FieldDef* partner = linked.field(field.link->symmetricFieldId, false);
  if (!partner) return std::nullopt;
  return AffectedField{linked.id, partner->id, partner->name};
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
  std::vector<std::string> reindex;
  boost::json::value created = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    MaterialisedSync materialised(session, schema.baseId);
    requireRoom(schema.fields.size(), 1, kMaxFieldsPerTable, "table", "fields");
    makeRoomForAColumn(session, schema);
    field.id = newId("fld");
    if (field.type == FieldType::Formula) checkFormulaField(schema, field, session.dialect());
    const std::optional<FieldDef> symmetric =
        field.type == FieldType::Link ? createLink(session, schema, field) : std::nullopt;
    insertField(session, tableId, field);
    if (!isMaterialised(field.type) && field.type != FieldType::Formula) return fieldToJson(field);
    const FieldDef planned = plannedField(session, tableId, field.id);
    materialised.apply();
    reindex = materialised.tablesToReindex();
    boost::json::value json = fieldToJson(planned);
    if (symmetric) {
      json.as_object()["symmetricField"] = fieldToJson(
          requireField(requireTableSchema(session, planned.link->linkedTableId), symmetric->id));
    }
    return json;
  });
  for (const std::string& table : reindex) sortIndexes_.schedule(table);
  return created;
}

boost::json::value FieldService::update(const std::string& tableId, const std::string& fieldId,
                                        const FieldChangesInput& changes) {
  std::vector<std::string> reindex;
  boost::json::value updated = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    MaterialisedSync materialised(session, schema.baseId);
    const FieldDef& current = requireField(schema, fieldId);
    FieldDef changed = current;
    if (changes.name) changed.name = *changes.name;
    if (changes.description) changed.description = *changes.description;
    if (changes.type) changed.type = *changes.type;
    if (changed.type != FieldType::Formula) changed.formula = nullptr;
    if (changed.isPrimary && (isComputed(changed.type) || changed.type == FieldType::Link)) {
      throw http::badRequest("primary_field",
                             "The primary field cannot be a computed type or a link.");
    }
    const bool typeChanged = changed.type != current.type;
    if (changes.options || typeChanged) {
      changed.options =
          normalizeOptions(changed.type, changes.options.value_or(boost::json::value()));
    }
    boost::json::object result;
    std::optional<FieldDef> symmetric;
    if (changed.type == FieldType::Link && !typeChanged && changes.options) {
      LinkFieldChange change = changeLink(session, schema, current, changed);
      symmetric = std::move(change.createdSymmetric);
      if (!change.deletedFields.empty()) {
        result["alsoDeletedFields"] = affectedJson(change.deletedFields);
      }
    }
    const bool formulaChanged = changed.type == FieldType::Formula && changes.options;
    if (changed.type == FieldType::Formula && (formulaChanged || typeChanged)) {
      checkFormulaField(schema, changed, session.dialect());
    }
    if (typeChanged || formulaChanged) {
      // The sort indexes on the old column, or on formulas that use the
      // field, go with it (a column an index uses cannot be dropped on
      // SQLite), and are rebuilt on the new one.
      std::vector<std::string> affected = formulasUsing(schema, fieldId);
      affected.push_back(fieldId);
      dropSortIndexes(session, schema, viewsSortedByAny(loadViews(session, tableId), affected), {});
    }
    if (typeChanged && (changed.type == FieldType::Link || current.type == FieldType::Link)) {
      // A link filters by other operators and cannot order records.
      detachFromViews(session, schema, fieldId, Detach::FiltersAndSortsOnly);
    }
    if (typeChanged && changed.type == FieldType::Link) {
      LinkConversion conversion = convertToLink(session, schema, current, changed);
      boost::json::array unmatched;
      for (const std::string& value : conversion.unmatched) unmatched.emplace_back(value);
      result["conversion"] = {{"converted", conversion.converted},
                              {"failed", conversion.failed},
                              {"unmatched", std::move(unmatched)}};
      symmetric = std::move(conversion.symmetricField);
    } else if (typeChanged) {
      const ConversionReport report = convertField(session, schema, current, changed);
      result["conversion"] = {{"converted", report.converted}, {"failed", report.failed}};
      if (current.type == FieldType::Link) {
        result["alsoDeletedFields"] = affectedJson(dropConvertedLink(session, current));
      }
    }
    saveField(session, tableId, changed);
    materialised.apply();
    if (typeChanged && !isMaterialised(changed.type)) {
      materialised.valuesConverted(tableId, fieldId);
    }
    reindex = materialised.tablesToReindex();
    if (isMaterialised(changed.type) ||
        (changed.type == FieldType::Formula && (formulaChanged || typeChanged))) {
      changed = plannedField(session, tableId, fieldId);
      if (symmetric) {
        result["symmetricField"] = fieldToJson(
            requireField(requireTableSchema(session, changed.link->linkedTableId), symmetric->id));
      }
    }
    boost::json::object json = fieldToJson(changed).as_object();
    for (auto& entry : result) json[entry.key()] = entry.value();
    return boost::json::value(std::move(json));
  });
  sortIndexes_.schedule(tableId);  // rebuilt on a retyped column
  for (const std::string& table : reindex) sortIndexes_.schedule(table);
  return updated;
}

boost::json::value FieldService::remove(const std::string& tableId, const std::string& fieldId) {
  std::vector<std::string> reindex;
  boost::json::value removed = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    MaterialisedSync materialised(session, schema.baseId);
    const FieldDef& field = requireField(schema, fieldId);
    if (field.isPrimary) {
      throw http::badRequest("primary_field",
                             "The primary field cannot be deleted; rename or retype it instead.");
    }
    const std::optional<AffectedField> partner = livePartner(session, field);
    trashField(session, schema, fieldId);
    std::vector<AffectedField> alsoDeleted;
    if (partner) {
      trashField(session, requireTableSchema(session, partner->tableId), partner->id);
      alsoDeleted.push_back(*partner);
    }
    materialised.apply();  // what read the field is broken now
    reindex = materialised.tablesToReindex();
    return boost::json::value{
        {"id", fieldId}, {"deleted", true}, {"alsoDeletedFields", affectedJson(alsoDeleted)}};
  });
  sortIndexes_.schedule(tableId);  // a sort past the limit may get its index now
  for (const std::string& table : reindex) sortIndexes_.schedule(table);
  return removed;
}

boost::json::value FieldService::restore(const std::string& tableId, const std::string& fieldId) {
  std::vector<std::string> reindex;
  boost::json::value restored = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    if (!isInTrash(session, TrashKind::Field, tableId, fieldId)) {
      throw http::ApiError(
          404, "field_not_found",
          "This table has no deleted field with this id: deleted fields can be "
          "restored until the server empties its trash (after 7 days, unless set otherwise).");
    }
    requireRoom(schema.fields.size(), 1, kMaxFieldsPerTable, "table", "fields");
    MaterialisedSync materialised(session, schema.baseId);
    restoreFromTrash(session, TrashKind::Field, tableId, fieldId);
    touchTableSchema(session, tableId);
    const FieldDef field = requireField(requireTableSchema(session, tableId), fieldId);
    std::vector<AffectedField> alsoRestored;
    if (field.link && !field.link->symmetricFieldId.empty() &&
        isInTrash(session, TrashKind::Field, field.link->linkedTableId,
                  field.link->symmetricFieldId)) {
      const std::string& linkedTableId = field.link->linkedTableId;
      requireRoom(requireTableSchema(session, linkedTableId).fields.size(), 1, kMaxFieldsPerTable,
                  "table", "fields");
      const std::string name =
          restoreFromTrash(session, TrashKind::Field, linkedTableId, field.link->symmetricFieldId);
      touchTableSchema(session, linkedTableId);
      alsoRestored.push_back({linkedTableId, field.link->symmetricFieldId, name});
    }
    materialised.apply();
    reindex = materialised.tablesToReindex();
    boost::json::value json = fieldToJson(field);
    json.as_object()["alsoRestoredFields"] = affectedJson(alsoRestored);
    return json;
  });
  sortIndexes_.schedule(tableId);  // formulas that use the field work again
  for (const std::string& table : reindex) sortIndexes_.schedule(table);
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
