#include "features/fields/materialised_format.h"

#include "features/fields/materialised_sync.h"
#include "features/schema/materialised_store.h"

namespace tessera::features {

std::size_t upgradeMaterialisedFormat(store::Database& database) {
  const int format =
      database.read([](store::Session& session) { return loadMaterialisedFormat(session); });
  if (format >= kMaterialisedFormat) return 0;
  const std::vector<std::string> bases =
      database.read([](store::Session& session) { return loadBasesWithMaterialised(session); });
  for (const std::string& baseId : bases) {
    database.write(
        [&baseId](store::Session& session) { MaterialisedSync(session, baseId).refillAll(); });
  }
  database.write(
      [](store::Session& session) { saveMaterialisedFormat(session, kMaterialisedFormat); });
  return bases.size();
}

}  // namespace tessera::features
