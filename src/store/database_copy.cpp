#include "store/database_copy.h"

#include <stdexcept>
#include <vector>

namespace tessera::store {
namespace {

// Tessera's own tables in an order that satisfies their foreign keys.
// schema_migrations is not copied: the target has applied the same ones.
const std::vector<std::string> kFixedTables = {
    "users",         "browser_sessions", "spaces",        "bases",
    "space_members", "base_members",     "invitations",   "tables_meta",
    "fields_meta",   "views_meta",       "access_tokens", "access_token_retired_secrets",
    "oauth_clients", "oauth_grants",     "oauth_tokens",  "oauth_codes",
    "audit_events"};

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

std::vector<std::string> columnsOf(store::Session& source, const std::string& table) {
  std::vector<std::string> columns;
  for (const store::Row& row : source.query("PRAGMA table_info(" + quoted(table) + ")")) {
    columns.push_back(row.text(1));
  }
  return columns;
}

std::int64_t copyRows(store::Session& source, store::Session& target, const std::string& table) {
  const std::vector<std::string> columns = columnsOf(source, table);
  std::string list, placeholders;
  for (const std::string& column : columns) {
    list += (list.empty() ? "" : ", ") + quoted(column);
    placeholders += placeholders.empty() ? "?" : ", ?";
  }
  const std::string insert =
      "INSERT INTO " + quoted(table) + " (" + list + ") VALUES (" + placeholders + ")";
  std::int64_t copied = 0;
  for (const store::Row& row : source.query("SELECT " + list + " FROM " + quoted(table))) {
    std::vector<store::SqlValue> values;
    for (std::size_t i = 0; i < row.size(); ++i) values.push_back(row.value(i));
    target.execute(insert, values);
    ++copied;
  }
  return copied;
}

}  // namespace

std::map<std::string, std::int64_t> copySqliteDatabase(store::Database& source,
                                                       store::Database& target) {
  const std::int64_t users =
      target.read([](store::Session& s) { return s.query("SELECT COUNT(*) FROM users"); })
          .at(0)
          .integer(0);
  if (users > 0) {
    throw std::runtime_error(
        "the target database already has users; copy only into a new, empty database");
  }
  std::map<std::string, std::int64_t> copied;
  source.read([&](store::Session& from) {
    // User tables, the junctions of their links (l_..., after the tables
    // their keys reference) and their indexes, as SQLite keeps their
    // (portable) DDL, including every column added, renamed or dropped since.
    const store::Rows ddl = from.query(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND"
        " ((type = 'table' AND (name LIKE 't\\_%' ESCAPE '\\' OR name LIKE 'l\\_%' ESCAPE '\\'))"
        "  OR (type = 'index' AND name LIKE 'i\\_%' ESCAPE '\\'))"
        " ORDER BY type DESC, name LIKE 'l\\_%' ESCAPE '\\', name");
    // The form the materialised columns were filled in goes with them
    // (the target's migration recorded none), so the target does not
    // refill what is already current.
    const store::Rows format = from.query("SELECT version FROM materialised_format");
    target.write([&](store::Session& to) {
      for (const std::string& table : kFixedTables) copied[table] = copyRows(from, to, table);
      if (!format.empty()) {
        to.execute("UPDATE materialised_format SET version = ?", {format.front().value(0)});
      }
      for (const store::Row& row : ddl) {
        to.executeScript(row.text(2));
        if (row.text(0) == "table") copied[row.text(1)] = copyRows(from, to, row.text(1));
      }
      // Record numbers go on from the highest copied (migration 16).
      to.query("SELECT tessera_sync_record_sequences()");
    });
  });
  return copied;
}

}  // namespace tessera::store
