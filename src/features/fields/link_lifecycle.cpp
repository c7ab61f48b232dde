#include "features/fields/link_lifecycle.h"

#include <algorithm>

#include "common/random.h"
#include "features/fields/field_detach.h"
#include "features/fields/field_input.h"
#include "features/limits.h"
#include "features/schema/link_fields.h"
#include "features/schema/link_store.h"
#include "features/schema/materialised_store.h"
#include "features/schema/schema_store.h"
#include "features/schema/trash_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

// `wanted`, or the first of "wanted 2", "wanted 3", ... that no field of
// `table` (nor `reserved`) has.
std::string freeFieldName(const TableSchema& table, const std::string& wanted,
                          const std::string& reserved) {
  for (int attempt = 1;; ++attempt) {
    const std::string candidate = attempt == 1 ? wanted : wanted + " " + std::to_string(attempt);
    if (!table.field(candidate, true) && nameKey(candidate) != nameKey(reserved)) {
      return candidate;
    }
  }
}

http::ApiError relationshipBreach(const CardinalityBreach& breach, bool onThisSide,
                                  LinkRelationship relationship) {
  const std::string name(relationshipName(relationship));
  return http::conflict(
      "links_exceed_relationship",
      onThisSide ? "Record '" + breach.recordId + "' links to more than one record, which a " +
                       name + " link does not allow. Unlink the extra records first."
                 : "Record '" + breach.recordId +
                       "' of the linked table is linked from more than one record, which a " +
                       name + " link does not allow. Unlink the extra records first.");
}

bool askedOneWay(const boost::json::object& asked) {
  const auto* oneWay = asked.if_contains("oneWay");
  return oneWay && oneWay->is_bool() && oneWay->as_bool();
}

// Inserts into `linked` the symmetric field of `field` (a link of `table`,
// stored as `link`), named `givenName`, else after `table`, and points
// `link` at it.
FieldDef addSymmetricField(store::Session& session, const TableSchema& table,
                           const TableSchema& linked, const FieldDef& field,
                           const std::string& givenName, StoredLink& link) {
  const bool self = linked.id == table.id;
  requireRoom(linked.fields.size() + (self ? 1 : 0), 1, kMaxFieldsPerTable, "table", "fields");
  FieldDef partner;
  partner.id = newId("fld");
  partner.type = FieldType::Link;
  partner.name =
      givenName.empty() ? freeFieldName(linked, table.name, self ? field.name : "") : givenName;
  partner.options = storedLinkOptions(
      {table.id, mirrored(link.relationship), field.id, link.junctionId, !link.reversed});
  link.symmetricFieldId = partner.id;
  insertField(session, linked.id, partner);
  return partner;
}

}  // namespace

boost::json::array affectedJson(const std::vector<AffectedField>& fields) {
  boost::json::array json;
  for (const AffectedField& field : fields) {
    json.push_back({{"tableId", field.tableId}, {"id", field.id}, {"name", field.name}});
  }
  return json;
}

std::optional<FieldDef> createLink(store::Session& session, const TableSchema& table,
                                   FieldDef& field) {
  const boost::json::object asked = field.options;
  const std::string linkedTableId = textOption(asked, "linkedTableId");
  std::optional<TableSchema> linked = linkedTableId == table.id
                                          ? std::optional<TableSchema>(table)
                                          : loadTableSchema(session, linkedTableId);
  if (!linked || linked->baseId != table.baseId) {
    throw http::badRequest("invalid_field",
                           "Option 'options.linkedTableId': this base has no table '" +
                               linkedTableId + "'. A link field links to a table of its own base.");
  }
  StoredLink link{linkedTableId, *parseRelationship(textOption(asked, "relationship")), "",
                  field.id, false};
  createJunction(session, field.id, table.id, linkedTableId, link.relationship);
  std::optional<FieldDef> symmetric;
  if (!askedOneWay(asked)) {
    symmetric = addSymmetricField(session, table, *linked, field,
                                  textOption(asked, "symmetricFieldName"), link);
  }
  field.options = storedLinkOptions(link);
  return symmetric;
}

LinkFieldChange changeLink(store::Session& session, const TableSchema& table,
                           const FieldDef& current, FieldDef& changed) {
  StoredLink link = readStoredLink(current.options);
  const boost::json::object& asked = changed.options;
  if (textOption(asked, "linkedTableId") != link.linkedTableId) {
    throw http::badRequest("invalid_field",
                           "A link field keeps the table it links to; to link to another table, "
                           "add a new link field.");
  }
  const bool oneWay = asked.contains("oneWay") ? askedOneWay(asked) : link.symmetricFieldId.empty();
  const bool becomesTwoWay = !oneWay && link.symmetricFieldId.empty();
  if (asked.contains("symmetricFieldName") && !becomesTwoWay) {
    throw http::badRequest("invalid_field",
                           "Option 'options.symmetricFieldName' names the symmetric field only "
                           "when it is created (with the link, or when a one-way link becomes "
                           "two-way); rename that field itself instead.");
  }
  LinkFieldChange change;
  if (oneWay && !link.symmetricFieldId.empty()) {
    change.deletedFields = deleteSymmetricField(session, link.linkedTableId, link.symmetricFieldId);
    link.symmetricFieldId.clear();
  }
  const LinkRelationship wanted = *parseRelationship(textOption(asked, "relationship"));
  if (wanted != link.relationship) {
    const LinkRelationship onJunction = link.reversed ? mirrored(wanted) : wanted;
    if (const auto breach = findCardinalityBreach(session, link.junctionId, onJunction)) {
      throw relationshipBreach(*breach, breach->onSideA != link.reversed, wanted);
    }
    setJunctionCardinality(session, link.junctionId, onJunction);
    if (!link.symmetricFieldId.empty()) {
      TableSchema linked = requireTableSchema(session, link.linkedTableId);
      if (const FieldDef* partner = linked.field(link.symmetricFieldId, false)) {
        FieldDef followed = *partner;
        StoredLink partnerLink = readStoredLink(followed.options);
        partnerLink.relationship = mirrored(wanted);
        followed.options = storedLinkOptions(partnerLink);
        updateFieldOptions(session, followed, nowMillis());
        touchTableSchema(session, link.linkedTableId);
      }
    }
    link.relationship = wanted;
  }
  if (becomesTwoWay) {
    const TableSchema linked =
        link.linkedTableId == table.id ? table : requireTableSchema(session, link.linkedTableId);
    change.createdSymmetric = addSymmetricField(session, table, linked, current,
                                                textOption(asked, "symmetricFieldName"), link);
  }
  changed.options = storedLinkOptions(link);
  return change;
}

std::vector<AffectedField> deleteSymmetricField(store::Session& session,
                                                const std::string& linkedTableId,
                                                const std::string& symmetricFieldId) {
  std::vector<AffectedField> removed;
  const TableSchema linked = requireTableSchema(session, linkedTableId);
  if (const FieldDef* partner = linked.field(symmetricFieldId, false)) {
    detachFromViews(session, linked, partner->id);
    removed.push_back({linked.id, partner->id, partner->name});
  }
  deleteFieldRow(session, symmetricFieldId);
  dropMaterialisedColumn(session, linkedTableId, symmetricFieldId);
  touchTableSchema(session, linkedTableId);
  return removed;
}

std::vector<AffectedField> removeLinksOfTable(store::Session& session, const std::string& tableId) {
  std::vector<AffectedField> removed;
  std::vector<std::string> junctions;
  for (const LinkFieldRow& row : loadLinkFieldsTouching(session, tableId)) {
    if (std::find(junctions.begin(), junctions.end(), row.junctionId) == junctions.end()) {
      junctions.push_back(row.junctionId);
    }
    if (row.tableId == tableId) continue;
    if (!row.trashed) {
      detachFromViews(session, requireTableSchema(session, row.tableId), row.id);
      removed.push_back({row.tableId, row.id, row.name});
    }
    deleteFieldRow(session, row.id);
    dropMaterialisedColumn(session, row.tableId, row.id);
    touchTableSchema(session, row.tableId);
  }
  for (const std::string& junction : junctions) dropJunction(session, junction);
  return removed;
}

void purgeLinkJunction(store::Session& session, const std::string& junctionId) {
  bool used = false;
  for (const LinkFieldRow& row : loadLinkFieldsOfJunction(session, junctionId)) {
    if (row.trashed) {
      deleteFromTrash(session, TrashKind::Field, row.id);
    } else {
      used = true;
    }
  }
  if (!used) dropJunction(session, junctionId);
}

}  // namespace tessera::features
