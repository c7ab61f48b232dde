// The form in which materialised columns (links' cells, lookups, rollups)
// hold their values, and bringing a database filled by an older build up
// to it at start-up, before anything reads them.
#pragma once

#include <cstddef>

#include "store/database.h"

namespace tessera::features {

// Advance it when a plan's SQL comes to store its values in another form,
// so that what an older build stored is computed again.
// 1: a lookup of lists (of lookups, list rollups or links) holds their
//    elements, flattened into one list.
inline constexpr int kMaterialisedFormat = 1;

// When the database's materialised columns are in an older form than
// kMaterialisedFormat: refills every live materialised field of every base,
// and what reads them (one transaction per base), then records the form.
// Returns how many bases it refilled.
std::size_t upgradeMaterialisedFormat(store::Database& database);

}  // namespace tessera::features
