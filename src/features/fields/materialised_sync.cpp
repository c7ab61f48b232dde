#include "features/fields/materialised_sync.h"

#include <algorithm>

#include "features/schema/schema_store.h"
#include "features/views/sort_index_store.h"
#include "features/views/view_store.h"

namespace tessera::features {

MaterialisedSync::MaterialisedSync(store::Session& session, const std::string& baseId)
    : session_(session),
      baseId_(baseId),
      // Schemas change within the transaction: each is read as it is then.
      schemas_([&session](const std::string& tableId) {
        return std::make_shared<const TableSchema>(requireTableSchema(session, tableId));
      }),
      before_(materialisedPlans(session, baseId, schemas_)) {}

void MaterialisedSync::apply() { syncSince(before_); }

void MaterialisedSync::refillAll() {
  MaterialisedPlans unfilled = before_;
  for (auto& [fieldId, plan] : unfilled) plan.sql.clear();
  syncSince(unfilled);
}

void MaterialisedSync::syncSince(const MaterialisedPlans& before) {
  syncMaterialised(session_, baseId_, schemas_, before,
                   [this](const TableSchema& table, const std::string& fieldId) {
                     dropSortIndexes(session_, table,
                                     viewsSortedBy(loadViews(session_, table.id), fieldId), {});
                     if (std::find(tablesToReindex_.begin(), tablesToReindex_.end(), table.id) ==
                         tablesToReindex_.end()) {
                       tablesToReindex_.push_back(table.id);
                     }
                   });
}

void MaterialisedSync::valuesConverted(const std::string& tableId, const std::string& fieldId) {
  MaterialisedRefresh(session_, schemas_).changed({tableId, {fieldId}, std::nullopt});
}

}  // namespace tessera::features
