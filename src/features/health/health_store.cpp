#include "features/health/health_store.h"

namespace tessera::features {

void pingDatabase(store::Session& session) { session.query("SELECT 1"); }

}  // namespace tessera::features
