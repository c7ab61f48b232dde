#include "features/schema/trash_store.h"

#include <stdexcept>

#include "features/naming.h"
#include "features/schema/table_schema.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

struct TrashTable {
  const char* table;
  const char* nameTaken;
  const char* noun;
};

TrashTable trashTable(TrashKind kind) {
  switch (kind) {
    case TrashKind::Field:
      return {"fields_meta", "field_name_taken", "field"};
    case TrashKind::View:
      return {"views_meta", "view_name_taken", "view"};
  }
  throw std::logic_error("unknown trash");
}

bool nameFree(store::Session& session, const TrashTable& t, const std::string& tableId,
              const std::string& name) {
  return session
      .query(std::string("SELECT 1 FROM ") + t.table + " WHERE table_id = ? AND name_key = ?",
             {tableId, nameKey(name)})
      .empty();
}

}  // namespace

void moveToTrash(store::Session& session, TrashKind kind, const std::string& id, UnixMillis at) {
  // The name key of a deleted row is never a live name's: it starts with a
  // space, and names are trimmed.
  session.execute(std::string("UPDATE ") + trashTable(kind).table +
                      " SET deleted_at = ?, name_key = ? WHERE id = ?",
                  {at, " deleted " + id, id});
}

bool isInTrash(store::Session& session, TrashKind kind, const std::string& tableId,
               const std::string& id) {
  return !session
              .query(std::string("SELECT 1 FROM ") + trashTable(kind).table +
                         " WHERE id = ? AND table_id = ? AND deleted_at IS NOT NULL",
                     {id, tableId})
              .empty();
}

std::string restoreFromTrash(store::Session& session, TrashKind kind, const std::string& tableId,
                             const std::string& id) {
  const TrashTable t = trashTable(kind);
  const std::string name =
      session.query(std::string("SELECT name FROM ") + t.table + " WHERE id = ?", {id})
          .at(0)
          .text(0);
  for (int attempt = 1; attempt <= 20; ++attempt) {
    const std::string candidate = attempt == 1 ? name
                                  : attempt == 2
                                      ? name + " (restored)"
                                      : name + " (restored " + std::to_string(attempt - 1) + ")";
    if (http::utf8Length(candidate) > kMaxNameLength || !nameFree(session, t, tableId, candidate))
      continue;
    writeUniqueName(t.nameTaken, "Another " + std::string(t.noun) + " has this name now.", [&] {
      session.execute(std::string("UPDATE ") + t.table +
                          " SET deleted_at = NULL, name = ?, name_key = ? WHERE id = ?",
                      {candidate, nameKey(candidate), id});
    });
    return candidate;
  }
  throw http::conflict(t.nameTaken, "The " + std::string(t.noun) + " '" + name +
                                        "' cannot be restored: its name is taken. Rename the " +
                                        t.noun + " that has it, then try again.");
}

bool deleteFromTrash(store::Session& session, TrashKind kind, const std::string& id) {
  return session.execute(std::string("DELETE FROM ") + trashTable(kind).table +
                             " WHERE id = ? AND deleted_at IS NOT NULL",
                         {id}) > 0;
}

std::vector<TrashedRow> loadTrash(store::Session& session, TrashKind kind, UnixMillis cutoff,
                                  const std::string& tableId) {
  const TrashTable t = trashTable(kind);
  const std::string type = kind == TrashKind::Field ? "type, link_junction" : "'', NULL";
  std::string sql = "SELECT id, table_id, " + type + " FROM " + t.table +
                    " WHERE deleted_at IS NOT NULL AND deleted_at < ?";
  std::vector<store::SqlValue> params{cutoff};
  if (!tableId.empty()) {
    sql += " AND table_id = ?";
    params.push_back(tableId);
  }
  std::vector<TrashedRow> rows;
  for (const store::Row& row : session.query(sql + " ORDER BY deleted_at, id", params)) {
    rows.push_back({row.text(0), row.text(1), row.text(2), row.optionalText(3).value_or("")});
  }
  return rows;
}

}  // namespace tessera::features
