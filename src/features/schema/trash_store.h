// Fields and views people delete stay in a trash for a while (their rows
// marked deleted, a field's column kept), so that the deletion can be
// undone with every value back. A deleted row's name no longer blocks the
// name; restoring takes the name back, or "Name (restored)" when it was
// given to another meanwhile. What stays in the trash longer than the
// server's --trash-retention-days (7 by default) is purged for good.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

enum class TrashKind { Field, View };

// REQUIRES: the live row `id` exists.
void moveToTrash(store::Session& session, TrashKind kind, const std::string& id, UnixMillis at);
// Whether `id` is in the trash of table `tableId`.
bool isInTrash(store::Session& session, TrashKind kind, const std::string& tableId,
               const std::string& id);
// Brings `id` back under its name, or the first free of "Name (restored)",
// "Name (restored 2)", ...; returns the name it has now.
// REQUIRES: isInTrash(...). Throws ApiError 409 <kind>_name_taken when no
// such name is free.
std::string restoreFromTrash(store::Session& session, TrashKind kind, const std::string& tableId,
                             const std::string& id);

// Deletes the row `id` for good if it is still in the trash; false when
// another node purged it first (a field's column must then stay alone).
bool deleteFromTrash(store::Session& session, TrashKind kind, const std::string& id);

struct TrashedRow {
  std::string id;
  std::string tableId;
  std::string type;          // a field's type name; "" for a view
  std::string linkJunction;  // a link field's junction; "" for the others
};
// What was deleted before `cutoff`, on every table (`tableId` empty) or one,
// oldest first.
std::vector<TrashedRow> loadTrash(store::Session& session, TrashKind kind, UnixMillis cutoff,
                                  const std::string& tableId = "");

}  // namespace tessera::features
