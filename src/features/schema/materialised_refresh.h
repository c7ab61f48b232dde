// Keeping materialised fields (links' titles, lookups, rollups: see
// isMaterialised in field_type.h) in step with what they read, inside the
// transaction of the write that changes it. A write says which fields of
// which records it changed; the refresh recomputes every materialised
// field that reads them (in the same table through its links, or in
// tables linking to it), then what reads those in turn, until nothing
// further depends on a change. Lookups cannot form a cycle (planning
// refuses one), so this ends.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// A table's schema, as planned for this transaction; throws ApiError 404
// when there is no such table.
using SchemaSource = std::function<std::shared_ptr<const TableSchema>(const std::string& tableId)>;

// Records whose fields changed; nullopt record ids: every record. A link
// listed changed its pairs, unless `titlesOnly`: then the links listed
// kept their pairs and only their cells (the linked records' titles)
// changed, which only lookups of those links read.
struct ChangedCells {
  std::string tableId;
  std::vector<std::string> fieldIds;
  std::optional<std::vector<std::string>> recordIds;
  bool titlesOnly = false;
};

// Reads each table's schema once: make one per transaction, and none
// across a change of schema.
class MaterialisedRefresh {
 public:
  MaterialisedRefresh(store::Session& session, SchemaSource schemas);

  // Refreshes what depends on `changed`, and what depends on that.
  void changed(ChangedCells changed);
  // The same, deferred to flush(), which refreshes each field once for all
  // the records noted: a batch of writes linking to the same record
  // recomputes that record's cells once, not once per write.
  void note(const ChangedCells& changed);
  void flush();

  // Call before deleting records of a table (their links go with them):
  // notes the records of other tables linked to them, whose materialised
  // fields afterDelete() refreshes.
  void beforeDelete(const std::string& tableId, const std::vector<std::string>& recordIds);
  void afterDelete();

  // The table's schema, read once per refresh.
  std::shared_ptr<const TableSchema> schema(const std::string& tableId);

 private:
  store::Session& session_;
  SchemaSource schemas_;
  std::map<std::string, std::shared_ptr<const TableSchema>> schemasRead_;
  std::vector<ChangedCells> noted_;
  std::vector<ChangedCells> unlinkedByDelete_;
};

// The plans of a base's materialised fields, to compare after a change of
// schema (fields or tables added, changed, deleted or restored).
struct MaterialisedPlan {
  std::string tableId;
  std::string sql;
  std::string valueType;
  std::string linkedTableId;  // of a link field; "" for others
};
using MaterialisedPlans = std::map<std::string, MaterialisedPlan>;  // by field id
MaterialisedPlans materialisedPlans(store::Session& session, const std::string& baseId,
                                    const SchemaSource& schemas);

// After a change of schema: gives each materialised field of the base
// whose plan is new or changed since `before` its column (of the new value
// type: `beforeColumnDrop(table, field id)` is called first when one is
// replaced, to drop the indexes that read it), fills it, and refreshes
// what depends on it; drops the column of a field that is no longer
// materialised (retyped). A trashed field keeps its column. Advances the
// schema version of each table a link to it came to or went from
// (TableSchema::linksIn).
void syncMaterialised(
    store::Session& session, const std::string& baseId, const SchemaSource& schemas,
    const MaterialisedPlans& before,
    const std::function<void(const TableSchema&, const std::string&)>& beforeColumnDrop);

}  // namespace tessera::features
