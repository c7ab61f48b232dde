#include "features/records/record_store.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "common/random.h"
#include "features/query/record_query.h"
#include "features/schema/user_table_store.h"
#include "store/in_list.h"

namespace tessera::features {
namespace {

// Bound parameters in one statement: under SQLite's default limit (32,766)
// and PostgreSQL's (65,535).
constexpr std::size_t kMaxParameters = 30000;

}  // namespace

InsertedRecords insertRecords(store::Session& session, const TableSchema& schema,
                              const std::vector<CellValues>& records, const std::string& userId,
                              UnixMillis at) {
  const RecordNumbering numbering = numberNewRecords(session, schema, records.size());
  std::string columns =
      "__id, __seq, __created_at, __updated_at, __created_by, __updated_by, __version";
  std::string rowPlaceholders = "(?, " + numbering.expression + ", ?, ?, ?, ?, 1";
  std::vector<std::size_t> stored;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    if (!hasColumn(schema.fields[i].type)) continue;
    stored.push_back(i);
    columns += ", " + schema.fields[i].column();
    rowPlaceholders += ", ?";
  }
  rowPlaceholders += ")";
  const std::string head = "INSERT INTO " + schema.sqlTable() + " (" + columns + ") VALUES ";
  // Many rows per statement (one round trip instead of one per record), as
  // many as keep the parameters under both backends' limits.
  const std::size_t perRow = 6 + stored.size();
  const std::size_t rowsPerStatement = std::max<std::size_t>(1, kMaxParameters / perRow);

  const std::optional<std::string> returning = returningRecords(schema);
  InsertedRecords inserted;
  if (returning) inserted.rows.emplace();
  inserted.ids = newTimeOrderedIds("rec", at, records.size());
  const std::vector<std::string>& ids = inserted.ids;
  std::vector<store::SqlValue> params;
  for (std::size_t first = 0; first < records.size(); first += rowsPerStatement) {
    const std::size_t count = std::min(rowsPerStatement, records.size() - first);
    std::string sql = head;
    params.clear();
    for (std::size_t r = first; r < first + count; ++r) {
      sql += (r == first ? "" : ", ") + rowPlaceholders;
      const std::size_t base = params.size();
      params.insert(params.end(), {ids[r], numbering.values[r], at, at, userId, userId});
      params.resize(base + perRow, nullptr);
      for (const auto& [index, value] : records[r]) {
        for (std::size_t s = 0; s < stored.size(); ++s) {
          if (stored[s] == index) params[base + 6 + s] = value;
        }
      }
    }
    if (returning) {
      store::Rows rows = session.query(sql + *returning, params);
      std::move(rows.begin(), rows.end(), std::back_inserter(*inserted.rows));
    } else {
      session.execute(sql, params);
    }
  }
  // RETURNING promises no order.
  if (inserted.rows) inserted.rows = inOrderOf(ids, std::move(*inserted.rows));
  return inserted;
}

UpdatedRecord updateRecord(store::Session& session, const TableSchema& schema,
                           const std::optional<std::string>& returning, const std::string& recordId,
                           const CellValues& values, std::optional<std::int64_t> expectedVersion,
                           const std::string& userId, UnixMillis at) {
  std::string sql = "UPDATE " + schema.sqlTable() +
                    " SET __updated_at = ?, __updated_by = ?, __version = __version + 1";
  std::vector<store::SqlValue> params = {at, userId};
  for (const auto& [index, value] : values) {
    sql += ", " + schema.fields[index].column() + " = ?";
    params.push_back(value);
  }
  sql += " WHERE __id = ?";
  params.emplace_back(recordId);
  if (expectedVersion) {
    sql += " AND __version = ?";
    params.emplace_back(*expectedVersion);
  }
  if (!returning) return {session.execute(sql, params) == 1, std::nullopt};
  store::Rows rows = session.query(sql + *returning, params);
  if (rows.empty()) return {};
  return {true, std::move(rows[0])};
}

std::optional<std::int64_t> loadRecordVersion(store::Session& session, const TableSchema& schema,
                                              const std::string& recordId) {
  const store::Rows current =
      session.query("SELECT __version FROM " + schema.sqlTable() + " WHERE __id = ?", {recordId});
  if (current.empty()) return std::nullopt;
  return current[0].integer(0);
}

bool deleteRecord(store::Session& session, const TableSchema& schema, const std::string& recordId) {
  return session.execute("DELETE FROM " + schema.sqlTable() + " WHERE __id = ?", {recordId}) == 1;
}

store::Rows loadRecordRows(store::Session& session, const TableSchema& schema,
                           const std::vector<std::string>& ids) {
  std::vector<store::SqlValue> params;
  const std::string list = store::inList(ids, params);
  return inOrderOf(ids, session.query(selectRecords(schema) + " WHERE t.__id IN " + list, params));
}

store::Rows inOrderOf(const std::vector<std::string>& ids, store::Rows rows) {
  std::unordered_map<std::string_view, std::size_t> rowOf;
  rowOf.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) rowOf[rows[i].text(RecordRow::kId)] = i;
  // Each row is moved to its first place; an id listed again copies it
  // from there (rowOf's keys point into `rows`, so those stay in place).
  constexpr std::size_t kNotPlaced = static_cast<std::size_t>(-1);
  std::vector<std::size_t> placedAt(rows.size(), kNotPlaced);
  store::Rows ordered;
  ordered.reserve(ids.size());
  for (const std::string& id : ids) {
    const auto found = rowOf.find(id);
    if (found == rowOf.end()) continue;
    std::size_t& placed = placedAt[found->second];
    if (placed == kNotPlaced) {
      placed = ordered.size();
      ordered.push_back(std::move(rows[found->second]));
    } else {
      ordered.push_back(ordered[placed]);
    }
  }
  return ordered;
}

}  // namespace tessera::features
