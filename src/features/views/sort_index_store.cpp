#include "features/views/sort_index_store.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "features/limits.h"
#include "features/query/record_query.h"

namespace tessera::features {
namespace {

std::vector<SortKey> sortOf(const TableSchema& schema, const ViewDef& view) {
  return parseSort(schema, view.definition.at("sort"));
}

// What the name of every sort index of the table starts with.
std::string sortIndexPrefix(const TableSchema& schema) { return "i_" + schema.id + "_s_"; }

// "i_<table>_s_<16 hex digits of a hash of the sort>": short enough for
// PostgreSQL's 63-character names, and the same for the same sort. For a
// sort by formulas (or lookups' first values) the hash takes in their SQL
// as well, so that an index on what one computed before never serves it.
std::string indexName(const TableSchema& schema, const std::vector<SortKey>& sort) {
  std::string signature = sortSignature(sort);
  for (const SortKey& key : sort) {
    const std::string expression = sortExpressionSignature(key);
    if (key.field->type == FieldType::Formula || !expression.empty()) {
      signature += "|" + expression;
    }
  }
  unsigned char digest[8];
  crypto_generichash(digest, sizeof digest,
                     reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return quoteIdentifier(sortIndexPrefix(schema) + hex);
}

}  // namespace

std::vector<SortIndex> wantedSortIndexes(const TableSchema& schema,
                                         const std::vector<ViewDef>& views) {
  std::vector<SortIndex> wanted;
  std::set<std::string> names;
  for (const ViewDef& view : views) {
    if (names.size() == kMaxSortIndexesPerTable) break;
    const std::vector<SortKey> sort = sortOf(schema, view);
    if (sort.empty()) continue;  // creation order: the __seq index serves it
    // Sorted per request: a formula that cannot be indexed.
    if (!std::all_of(sort.begin(), sort.end(), isIndexable)) continue;
    std::string name = indexName(schema, sort);
    if (!names.insert(name).second) continue;
    std::string columns;
    for (const OrderPart& part : orderParts(sort, OrderFor::Index)) {
      columns += (columns.empty() ? "" : ", ") + part.expression + (part.descending ? " DESC" : "");
    }
    wanted.push_back({std::move(name), std::move(columns)});
  }
  return wanted;
}

void buildSortIndexes(store::Database& database, const TableSchema& schema,
                      const std::vector<SortIndex>& wanted) {
  for (const SortIndex& index : wanted) {
    database.buildIndex(index.name, schema.sqlTable(), index.columns);
  }
}

std::vector<std::string> existingSortIndexes(store::Session& session, const TableSchema& schema) {
  store::Rows indexes;
  switch (session.dialect()) {
    case store::SqlDialect::Sqlite:
      indexes =
          session.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                        {"t_" + schema.id});
      break;
    case store::SqlDialect::Postgres:
      indexes = session.query(
          "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          " WHERE i.indrelid = to_regclass(?)",
          {schema.sqlTable()});
      break;
  }
  const std::string prefix = sortIndexPrefix(schema);
  std::vector<std::string> names;
  for (const store::Row& row : indexes) {
    const std::string name = row.text(0);
    if (name.starts_with(prefix)) names.push_back(quoteIdentifier(name));
  }
  return names;
}

void dropSortIndexes(store::Session& session, const TableSchema& schema,
                     const std::vector<ViewDef>& dropped, const std::vector<ViewDef>& kept) {
  std::set<std::string> keptNames;
  for (const SortIndex& index : wantedSortIndexes(schema, kept)) keptNames.insert(index.name);
  for (const ViewDef& view : dropped) {
    const auto sort = sortOf(schema, view);
    if (sort.empty()) continue;
    if (const std::string name = indexName(schema, sort); !keptNames.contains(name)) {
      session.executeScript("DROP INDEX IF EXISTS " + name);
    }
  }
}

std::vector<ViewDef> viewsSortedBy(const std::vector<ViewDef>& views, const std::string& fieldId) {
  std::vector<ViewDef> sorting;
  for (const ViewDef& view : views) {
    for (const auto& key : view.definition.at("sort").as_array()) {
      if (key.at("fieldId").as_string() == fieldId) {
        sorting.push_back(view);
        break;
      }
    }
  }
  return sorting;
}

}  // namespace tessera::features
