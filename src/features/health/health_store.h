// The one statement /healthz runs: proof that the database answers.
#pragma once

#include "store/database.h"

namespace tessera::features {

// Runs a trivial query; throws store::StoreError when the database does
// not answer.
void pingDatabase(store::Session& session);

}  // namespace tessera::features
