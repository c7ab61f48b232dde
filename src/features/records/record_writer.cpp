#include "features/records/record_writer.h"

#include <algorithm>
#include "common/clock.h"

#include "features/query/record_query.h"
#include "features/records/link_titles.h"
#include "features/schema/cell_codec.h"
#include "features/schema/link_cell.h"
#include "features/schema/link_fields.h"
#include "features/schema/link_store.h"
#include "features/schema/schema_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

// `fieldIds` with the fields of `table` whose values every write of a
// record changes (last modified time and by).
std::vector<std::string> withModifiedFields(const TableSchema& table,
                                            std::vector<std::string> fieldIds) {
  for (const FieldDef& field : table.fields) {
    if (field.type == FieldType::LastModifiedTime || field.type == FieldType::LastModifiedBy) {
      fieldIds.push_back(field.id);
    }
  }
  return fieldIds;
}

}  // namespace

RecordWriter::RecordWriter(store::Session& session, const SchemaSource& schemas, TableSchema schema,
                           std::string userId, bool keyById, bool typecast)
    : session_(session),
      refresh_(session, schemas),
      schema_(std::move(schema)),
      userId_(std::move(userId)),
      keyById_(keyById),
      typecast_(typecast),
      optionsChanged_(schema_.fields.size(), false) {}

RecordChanges RecordWriter::encode(const boost::json::object& fields, const std::string& where) {
  RecordChanges changes;
  for (const auto& entry : fields) {
    const std::string_view key = entry.key();
    const FieldDef* found = schema_.field(key, !keyById_);
    if (!found) {
      throw http::badRequest("unknown_field", where + ": this table has no field " +
                                                  (keyById_ ? "with id '" : "named '") +
                                                  std::string(key) + "'.");
    }
    const std::size_t index = static_cast<std::size_t>(found - schema_.fields.data());
    FieldDef& field = schema_.fields[index];
    if (isComputed(field.type)) {
      throw http::badRequest("field_not_writable",
                             where + ": field '" + field.name + "' is " +
                                 std::string(fieldTypeName(field.type)) +
                                 ", computed by the server; it cannot be written.");
    }
    bool changed = false;
    try {
      if (field.type == FieldType::Link) {
        changes.links.push_back({index, linkIds(field, entry.value())});
      } else {
        changes.cells.emplace_back(index, encodeCell(field, entry.value(), typecast_, changed));
      }
    } catch (const CellError& error) {
      throw http::badRequest("invalid_cell", "In " + where + ", field '" + field.name + "' (" +
                                                 std::string(fieldTypeName(field.type)) +
                                                 "): " + error.what() + ".");
    }
    if (changed) optionsChanged_[index] = true;
  }
  return changes;
}

std::vector<std::string> RecordWriter::linkIds(const FieldDef& field,
                                               const boost::json::value& value) {
  const LinkPlan& link = *field.link;
  std::vector<std::string> ids = parseLinkIds(value, typecast_);
  if (typecast_) {
    ids = recordsNamedBy(session_, link, ids);
  } else {
    const std::vector<std::string> existing = existingRecordIds(session_, link.linkedSqlTable, ids);
    for (const std::string& id : ids) {
      if (std::find(existing.begin(), existing.end(), id) == existing.end()) {
        throw CellError("'" + id + "' is not a record of table '" + link.linkedTableName + "'");
      }
    }
  }
  if (link.singleLink() && ids.size() > 1) {
    throw CellError("it links to one record at most (its relationship is " +
                    std::string(relationshipName(link.relationship)) + "), got " +
                    std::to_string(ids.size()));
  }
  return ids;
}

void RecordWriter::writeLinks(const std::string& recordId, const std::vector<LinkCell>& links) {
  const UnixMillis at = nowMillis();
  for (const LinkCell& cell : links) {
    const LinkPlan& link = *schema_.fields[cell.fieldIndex].link;
    const LinkChange change = replaceLinks(session_, link, recordId, cell.ids);
    // The record written has advanced already (a self-link may list it).
    std::vector<std::string> others = change.linkedRecords;
    std::erase(others, recordId);
    touchRecords(session_, link.linkedSqlTable, others, userId_, at);
    touchRecords(session_, schema_.sqlTable(), change.movedFrom, userId_, at);
    std::vector<std::string> linkedChanged;
    if (!link.symmetricFieldId.empty()) linkedChanged.push_back(link.symmetricFieldId);
    refresh_.note({link.linkedTableId,
                   withModifiedFields(*refresh_.schema(link.linkedTableId), linkedChanged),
                   change.linkedRecords});
    refresh_.note({schema_.id, withModifiedFields(schema_, {schema_.fields[cell.fieldIndex].id}),
                   change.movedFrom});
  }
}

std::vector<std::string> RecordWriter::fieldIdsOf(const RecordChanges& changes) const {
  std::vector<std::string> ids;
  for (const auto& [index, value] : changes.cells) ids.push_back(schema_.fields[index].id);
  for (const LinkCell& cell : changes.links) ids.push_back(schema_.fields[cell.fieldIndex].id);
  return ids;
}

InsertedRecords RecordWriter::insert(const std::vector<RecordChanges>& records) {
  std::vector<CellValues> cells;
  for (const RecordChanges& record : records) cells.push_back(record.cells);
  InsertedRecords inserted = insertRecords(session_, schema_, cells, userId_, nowMillis());
  const std::vector<std::string>& ids = inserted.ids;
  for (std::size_t i = 0; i < ids.size(); ++i) writeLinks(ids[i], records[i].links);
  // New records get every materialised field (a count of no links is 0).
  std::vector<std::string> allFields;
  for (const FieldDef& field : schema_.fields) allFields.push_back(field.id);
  refresh_.note({schema_.id, std::move(allFields), ids});
  refresh_.flush();
  return inserted;
}

std::optional<store::Rows> RecordWriter::update(const std::vector<RecordUpdate>& updates) {
  std::vector<std::string> ids;
  store::Rows written;
  bool everyRowReturned = true;
  const std::optional<std::string> returning = returningRecords(schema_);
  for (const RecordUpdate& record : updates) {
    UpdatedRecord updated =
        updateRecord(session_, schema_, returning, record.recordId, record.changes.cells,
                     record.expectedVersion, userId_, nowMillis());
    if (!updated.updated) {
      const auto current = loadRecordVersion(session_, schema_, record.recordId);
      if (!current) {
        throw http::ApiError(404, "record_not_found",
                             "Record '" + record.recordId + "' does not exist.");
      }
      throw http::conflict("version_conflict",
                           "Record '" + record.recordId +
                               "' was changed by someone else (it is at version " +
                               std::to_string(*current) + "). Read it again and retry.");
    }
    ids.push_back(record.recordId);
    if (updated.row) {
      written.push_back(std::move(*updated.row));
    } else {
      everyRowReturned = false;
    }
    writeLinks(record.recordId, record.changes.links);
    refresh_.note({schema_.id, withModifiedFields(schema_, fieldIdsOf(record.changes)),
                   std::vector<std::string>{record.recordId}});
  }
  refresh_.flush();
  // An id listed twice is answered with its last state each time.
  if (!everyRowReturned) return std::nullopt;
  return inOrderOf(ids, std::move(written));
}

void RecordWriter::saveAddedChoices() {
  bool changed = false;
  for (std::size_t i = 0; i < schema_.fields.size(); ++i) {
    if (!optionsChanged_[i]) continue;
    updateFieldOptions(session_, schema_.fields[i], nowMillis());
    changed = true;
  }
  if (changed) touchTableSchema(session_, schema_.id);
}

}  // namespace tessera::features
