// Keeps a base's materialised fields (links' titles, lookups, rollups) in
// step across one change of schema made by the field and table services:
// their plans are read before the change; after it, every field whose plan
// changed gets its column (re)filled and what depends on it refreshed
// (features/schema/materialised_refresh.h). The view sort indexes that
// read a column being replaced are dropped first; their tables are listed
// for the sort index builder to rebuild once the change is committed.
#pragma once

#include <string>
#include <vector>

#include "features/schema/materialised_refresh.h"
#include "store/database.h"

namespace tessera::features {

class MaterialisedSync {
 public:
  // Reads the plans of the base's materialised fields as they are now.
  MaterialisedSync(store::Session& session, const std::string& baseId);

  // After the change, in the same transaction.
  void apply();
  // Instead of a change: refills every materialised field of the base, and
  // what reads them, as if each plan were new (materialised_format.h).
  void refillAll();
  // The values of a field were converted (a change of type): what reads
  // it is refreshed on every record.
  void valuesConverted(const std::string& tableId, const std::string& fieldId);

  // The tables whose sort indexes apply() dropped.
  const std::vector<std::string>& tablesToReindex() const { return tablesToReindex_; }

 private:
  // Syncs the base with its plans as they were `before`.
  void syncSince(const MaterialisedPlans& before);

  store::Session& session_;
  std::string baseId_;
  SchemaSource schemas_;
  MaterialisedPlans before_;
  std::vector<std::string> tablesToReindex_;
};

}  // namespace tessera::features
