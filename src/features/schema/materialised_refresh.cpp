#include "features/schema/materialised_refresh.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "features/schema/link_store.h"
#include "features/schema/materialised_store.h"
#include "features/schema/schema_store.h"

namespace tessera::features {
namespace {

// Rounds of refreshes one write may cause: far above any chain of
// lookups a base can have; reaching it means a cycle planning missed.
constexpr int kMaxRounds = 1000;

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// `fieldIds` with the formulas of `table` that read any of them, directly
// or through other formulas.
std::vector<std::string> withFormulasReading(const TableSchema& table,
                                             std::vector<std::string> fieldIds) {
  for (bool grew = true; grew;) {
    grew = false;
    for (const FieldDef& field : table.fields) {
      if (!field.formula || contains(fieldIds, field.id)) continue;
      const auto& reads = field.formula->fieldIds;
      if (std::any_of(reads.begin(), reads.end(),
                      [&](const std::string& id) { return contains(fieldIds, id); })) {
        fieldIds.push_back(field.id);
        grew = true;
      }
    }
  }
  return fieldIds;
}

bool isPlanned(const FieldDef& field) {
  return isMaterialised(field.type) &&
         (field.type == FieldType::Link ? !!field.link : !!field.lookup);
}

// Whether the planned field's value depends on others: not when it is
// broken (its value is then NULL).
bool isLive(const FieldDef& field) {
  return isPlanned(field) && (field.type == FieldType::Link || !field.lookup->error);
}

// Whether materialised `field` goes through link field `linkId` of its table.
bool goesThrough(const FieldDef& field, const std::string& linkId) {
  return field.type == FieldType::Link ? field.id == linkId : field.lookup->linkFieldId == linkId;
}

// Whether materialised `field`, going through a link to `linked`, reads any
// of `fieldIds` there (a link shows the linked records' primary field).
bool readsAny(const FieldDef& field, const TableSchema& linked,
              const std::vector<std::string>& fieldIds) {
  const std::string& read =
      field.type == FieldType::Link ? linked.primaryField().id : field.lookup->lookupFieldId;
  return contains(fieldIds, read);
}

// Notes that `field` was refreshed, for what may read it: a lookup or
// rollup may be looked up or rolled up in turn, in `change`; a link's cell
// (its titles) may be looked up, in `retitled`. A link listed in a change
// of its own stands for a change of its pairs, which the titles are not.
void noteRead(ChangedCells& change, ChangedCells& retitled, const FieldDef& field) {
  (field.type == FieldType::Link ? retitled : change).fieldIds.push_back(field.id);
}

}  // namespace

MaterialisedRefresh::MaterialisedRefresh(store::Session& session, SchemaSource schemas)
    : session_(session), schemas_(std::move(schemas)) {}

void MaterialisedRefresh::changed(ChangedCells change) {
  std::vector<ChangedCells> pending = {std::move(change)};
  for (int round = 0; !pending.empty(); ++round) {
    if (round == kMaxRounds) throw std::logic_error("materialised fields depend in a cycle");
    const ChangedCells next = std::move(pending.back());
    pending.pop_back();
    if (next.recordIds && next.recordIds->empty()) continue;
    const auto table = schema(next.tableId);
    const std::vector<std::string> fieldIds = withFormulasReading(*table, next.fieldIds);

    // This table's fields that go through a link whose pairs changed (a
    // link cell refreshed here is in `fieldIds` already, for its lookups).
    ChangedCells own{table->id, {}, next.recordIds}, pairsChanged;
    std::vector<const FieldDef*> stale;
    for (const FieldDef& field : table->fields) {
      if (next.titlesOnly || !isLive(field)) continue;
      const std::string& link =
          field.type == FieldType::Link ? field.id : field.lookup->linkFieldId;
      if (!contains(fieldIds, link)) continue;
      stale.push_back(&field);
      noteRead(own, pairsChanged, field);
    }
    refreshMaterialised(session_, *table, stale, next.recordIds);
    if (!own.fieldIds.empty()) pending.push_back(std::move(own));

    // The fields of tables linking here that read what changed, on the
    // records linked to the changed ones.
    for (const LinkIn& in : table->linksIn) {
      const auto linking = in.tableId == table->id ? table : schema(in.tableId);
      const FieldDef* link = linking->field(in.fieldId, false);
      if (!link || !link->link || link->link->linkedTableId != table->id) continue;
      ChangedCells theirs{linking->id, {}, std::nullopt};
      ChangedCells retitled{linking->id, {}, std::nullopt, true};
      stale.clear();
      for (const FieldDef& field : linking->fields) {
        if (isLive(field) && goesThrough(field, link->id) && readsAny(field, *table, fieldIds)) {
          stale.push_back(&field);
          noteRead(theirs, retitled, field);
        }
      }
      if (stale.empty()) continue;
      if (next.recordIds)
        theirs.recordIds = recordsLinkedTo(session_, *link->link, *next.recordIds);
      if (theirs.recordIds && theirs.recordIds->empty()) continue;
      refreshMaterialised(session_, *linking, stale, theirs.recordIds);
      retitled.recordIds = theirs.recordIds;
      for (ChangedCells* further : {&theirs, &retitled}) {
        if (!further->fieldIds.empty()) pending.push_back(std::move(*further));
      }
    }
  }
}

std::shared_ptr<const TableSchema> MaterialisedRefresh::schema(const std::string& tableId) {
  auto& kept = schemasRead_[tableId];
  if (!kept) kept = schemas_(tableId);
  return kept;
}

void MaterialisedRefresh::note(const ChangedCells& change) {
  if (change.fieldIds.empty() || (change.recordIds && change.recordIds->empty())) return;
  for (ChangedCells& noted : noted_) {
    if (noted.tableId != change.tableId || noted.fieldIds != change.fieldIds ||
        noted.titlesOnly != change.titlesOnly) {
      continue;
    }
    if (!noted.recordIds || !change.recordIds) {
      noted.recordIds = std::nullopt;
    } else {
      for (const std::string& id : *change.recordIds) {
        if (!contains(*noted.recordIds, id)) noted.recordIds->push_back(id);
      }
    }
    return;
  }
  noted_.push_back(change);
}

void MaterialisedRefresh::flush() {
  std::vector<ChangedCells> noted = std::move(noted_);
  noted_.clear();
  for (ChangedCells& change : noted) changed(std::move(change));
}

void MaterialisedRefresh::beforeDelete(const std::string& tableId,
                                       const std::vector<std::string>& recordIds) {
  for (const LinkIn& in : schema(tableId)->linksIn) {
    const auto linking = schema(in.tableId);
    const FieldDef* link = linking->field(in.fieldId, false);
    if (!link || !link->link || link->link->linkedTableId != tableId) continue;
    std::vector<std::string> linked = recordsLinkedTo(session_, *link->link, recordIds);
    if (linking->id == tableId) {
      std::erase_if(linked, [&](const std::string& id) { return contains(recordIds, id); });
    }
    if (!linked.empty()) unlinkedByDelete_.push_back({linking->id, {link->id}, std::move(linked)});
  }
}

void MaterialisedRefresh::afterDelete() {
  std::vector<ChangedCells> unlinked = std::move(unlinkedByDelete_);
  unlinkedByDelete_.clear();
  for (ChangedCells& change : unlinked) changed(std::move(change));
}

MaterialisedPlans materialisedPlans(store::Session& session, const std::string& baseId,
                                    const SchemaSource& schemas) {
  MaterialisedPlans plans;
  for (const std::string& tableId : loadTableIds(session, baseId)) {
    const auto table = schemas(tableId);
    for (const FieldDef& field : table->fields) {
      if (!isPlanned(field)) continue;
      plans[field.id] = {tableId, field.computeSql(), std::string(field.valueType()),
                         field.link ? field.link->linkedTableId : std::string()};
    }
  }
  return plans;
}

namespace {

// The table a link field of `plans` links to; "" when there is no such
// link field.
std::string linkedTableOf(const MaterialisedPlans& plans, const std::string& fieldId) {
  const auto found = plans.find(fieldId);
  return found == plans.end() ? std::string() : found->second.linkedTableId;
}

// Advances the schema version of the tables whose links in changed.
void touchRelinkedTables(store::Session& session, const MaterialisedPlans& before,
                         const MaterialisedPlans& after) {
  std::set<std::string> relinked;
  for (const MaterialisedPlans* plans : {&before, &after}) {
    for (const auto& [fieldId, plan] : *plans) {
      const std::string was = linkedTableOf(before, fieldId);
      const std::string is = linkedTableOf(after, fieldId);
      if (was == is) continue;
      if (!was.empty()) relinked.insert(was);
      if (!is.empty()) relinked.insert(is);
    }
  }
  for (const std::string& tableId : relinked) touchTableSchema(session, tableId);
}

}  // namespace

void syncMaterialised(
    store::Session& session, const std::string& baseId, const SchemaSource& schemas,
    const MaterialisedPlans& before,
    const std::function<void(const TableSchema&, const std::string&)>& beforeColumnDrop) {
  MaterialisedRefresh refresh(session, schemas);
  const MaterialisedPlans after = materialisedPlans(session, baseId, schemas);
  for (const auto& [fieldId, plan] : after) {
    const auto old = before.find(fieldId);
    const bool sameType = old != before.end() && old->second.valueType == plan.valueType;
    if (sameType && old->second.sql == plan.sql) continue;
    const auto table = schemas(plan.tableId);
    const FieldDef& field = *table->field(fieldId, false);
    if (hasMaterialisedColumn(session, table->id, fieldId)) {
      if (!sameType) {
        beforeColumnDrop(*table, fieldId);
        dropMaterialisedColumn(session, table->id, fieldId);
        addMaterialisedColumn(session, *table, field);
      }
    } else {
      addMaterialisedColumn(session, *table, field);
    }
    refreshMaterialised(session, *table, {&field}, std::nullopt);
    refresh.changed({table->id, {fieldId}, std::nullopt});
  }
  // A field retyped to a type that is not materialised loses the column.
  for (const auto& [fieldId, plan] : before) {
    if (after.contains(fieldId)) continue;
    if (!loadSchemaVersion(session, plan.tableId)) continue;  // the table was deleted
    const auto table = schemas(plan.tableId);
    if (!table->field(fieldId, false) || !hasMaterialisedColumn(session, table->id, fieldId)) {
      continue;  // trashed (it keeps its column), or gone with its column
    }
    beforeColumnDrop(*table, fieldId);
    dropMaterialisedColumn(session, table->id, fieldId);
  }
  touchRelinkedTables(session, before, after);
}

}  // namespace tessera::features
