#include "features/views/sort_index_store.h"

#include <sodium.h>

#include <set>

#include "features/limits.h"
#include "features/query/record_query.h"

namespace tessera::features {
namespace {

std::vector<SortKey> sortOf(const TableSchema& schema, const ViewDef& view) {
  return parseSort(schema, view.definition.at("sort"));
}

// "i_<table>_s_<16 hex digits of a hash of the sort>": short enough for
// PostgreSQL's 63-character names, and the same for the same sort.
std::string indexName(const TableSchema& schema, const std::vector<SortKey>& sort) {
  const std::string signature = sortSignature(sort);
  unsigned char digest[8];
  crypto_generichash(digest, sizeof digest,
                     reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return quoteIdentifier("i_" + schema.id + "_s_" + hex);
}

// The names of the indexes the sorts of `views` have: the first
// kMaxSortIndexesPerTable distinct sorts in view order.
std::set<std::string> indexedSortNames(const TableSchema& schema,
                                       const std::vector<ViewDef>& views) {
  std::set<std::string> names;
  for (const ViewDef& view : views) {
    if (names.size() == kMaxSortIndexesPerTable) break;
    if (const auto sort = sortOf(schema, view); !sort.empty()) {
      names.insert(indexName(schema, sort));
    }
  }
  return names;
}

}  // namespace

void createSortIndexes(store::Session& session, const TableSchema& schema,
                       const std::vector<ViewDef>& views) {
  const std::set<std::string> indexed = indexedSortNames(schema, views);
  for (const ViewDef& view : views) {
    const std::vector<SortKey> sort = sortOf(schema, view);
    if (sort.empty()) continue;  // creation order: the __seq index serves it
    const std::string name = indexName(schema, sort);
    if (!indexed.contains(name)) continue;
    std::string columns;
    for (const OrderPart& part : orderParts(sort, "")) {
      columns += (columns.empty() ? "" : ", ") + part.expression + (part.descending ? " DESC" : "");
    }
    session.executeScript("CREATE INDEX IF NOT EXISTS " + name + " ON " + schema.sqlTable() + " (" +
                          columns + ")");
  }
}

void dropSortIndexes(store::Session& session, const TableSchema& schema,
                     const std::vector<ViewDef>& dropped, const std::vector<ViewDef>& kept) {
  const std::set<std::string> keptNames = indexedSortNames(schema, kept);
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
