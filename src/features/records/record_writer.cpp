#include "features/records/record_writer.h"

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "common/clock.h"
#include "common/random.h"
#include "features/records/cell_codec.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

// Bound parameters in one statement: under SQLite's default limit (32,766)
// and PostgreSQL's (65,535).
constexpr std::size_t kMaxParameters = 30000;

}  // namespace

RecordWriter::RecordWriter(store::Session& session, TableSchema schema, std::string userId,
                           bool keyById, bool typecast)
    : session_(session),
      schema_(std::move(schema)),
      userId_(std::move(userId)),
      keyById_(keyById),
      typecast_(typecast),
      optionsChanged_(schema_.fields.size(), false) {}

CellValues RecordWriter::encode(const boost::json::value& fields, const std::string& where) {
  const auto* object = fields.if_object();
  if (!object) {
    throw http::badRequest("invalid_field", where + ": 'fields' must be an object.");
  }
  CellValues values;
  for (const auto& entry : *object) {
    const std::string key(entry.key());
    const FieldDef* found = schema_.field(key, !keyById_);
    if (!found) {
      throw http::badRequest(
          "unknown_field",
          where + ": this table has no field " + (keyById_ ? "with id '" : "named '") + key + "'.");
    }
    const std::size_t index = static_cast<std::size_t>(found - schema_.fields.data());
    FieldDef& field = schema_.fields[index];
    if (isComputed(field.type)) {
      throw http::badRequest("field_not_writable",
                             where + ": field '" + field.name + "' is " +
                                 std::string(fieldTypeName(field.type)) +
                                 ", computed by the server; it cannot be written.");
    }
    bool changed = false;
    try {
      values.emplace_back(index, encodeCell(field, entry.value(), typecast_, changed));
    } catch (const CellError& error) {
      throw http::badRequest("invalid_cell", where + ", field '" + field.name + "' (" +
                                                 std::string(fieldTypeName(field.type)) +
                                                 "): " + error.what() + ".");
    }
    if (changed) optionsChanged_[index] = true;
  }
  return values;
}

std::vector<std::string> RecordWriter::insert(const std::vector<CellValues>& records) {
  std::string columns =
      "__id, __seq, __created_at, __updated_at, __created_by, __updated_by, __version";
  std::string rowPlaceholders = "(?, ?, ?, ?, ?, ?, 1";
  std::vector<std::size_t> stored;
  for (std::size_t i = 0; i < schema_.fields.size(); ++i) {
    if (isComputed(schema_.fields[i].type)) continue;
    stored.push_back(i);
    columns += ", " + schema_.fields[i].column();
    rowPlaceholders += ", ?";
  }
  rowPlaceholders += ")";
  const std::string head = "INSERT INTO " + schema_.sqlTable() + " (" + columns + ") VALUES ";
  // Many rows per statement (one round trip instead of one per record), as
  // many as keep the parameters under both backends' limits.
  const std::size_t perRow = 6 + stored.size();
  const std::size_t rowsPerStatement = std::max<std::size_t>(1, kMaxParameters / perRow);

  std::int64_t seq =
      session_.query("SELECT COALESCE(MAX(__seq), 0) FROM " + schema_.sqlTable()).at(0).integer(0);
  const UnixMillis now = nowMillis();
  std::vector<std::string> ids;
  std::vector<store::SqlValue> params;
  for (std::size_t first = 0; first < records.size(); first += rowsPerStatement) {
    const std::size_t count = std::min(rowsPerStatement, records.size() - first);
    std::string sql = head;
    params.clear();
    for (std::size_t r = first; r < first + count; ++r) {
      sql += (r == first ? "" : ", ") + rowPlaceholders;
      ids.push_back(newId("rec"));
      const std::size_t base = params.size();
      params.insert(params.end(), {ids.back(), ++seq, now, now, userId_, userId_});
      params.resize(base + perRow, nullptr);
      for (const auto& [index, value] : records[r]) {
        for (std::size_t s = 0; s < stored.size(); ++s) {
          if (stored[s] == index) params[base + 6 + s] = value;
        }
      }
    }
    session_.execute(sql, params);
  }
  return ids;
}

void RecordWriter::update(const std::string& recordId, const CellValues& values,
                          std::optional<std::int64_t> expectedVersion) {
  std::string sql = "UPDATE " + schema_.sqlTable() +
                    " SET __updated_at = ?, __updated_by = ?, __version = __version + 1";
  std::vector<store::SqlValue> params = {nowMillis(), userId_};
  for (const auto& [index, value] : values) {
    sql += ", " + schema_.fields[index].column() + " = ?";
    params.push_back(value);
  }
  sql += " WHERE __id = ?";
  params.emplace_back(recordId);
  if (expectedVersion) {
    sql += " AND __version = ?";
    params.emplace_back(*expectedVersion);
  }
  if (session_.execute(sql, params) == 1) return;
  const store::Rows current =
      session_.query("SELECT __version FROM " + schema_.sqlTable() + " WHERE __id = ?", {recordId});
  if (current.empty()) {
    throw http::ApiError(404, "record_not_found", "Record '" + recordId + "' does not exist.");
  }
  throw http::conflict("version_conflict",
                       "Record '" + recordId + "' was changed by someone else (it is at version " +
                           std::to_string(current[0].integer(0)) + "). Read it again and retry.");
}

void RecordWriter::saveAddedChoices() {
  bool changed = false;
  for (std::size_t i = 0; i < schema_.fields.size(); ++i) {
    if (!optionsChanged_[i]) continue;
    session_.execute(
        "UPDATE fields_meta SET options = ?, updated_at = ? WHERE id = ?",
        {boost::json::serialize(schema_.fields[i].options), nowMillis(), schema_.fields[i].id});
    changed = true;
  }
  if (changed) touchTableSchema(session_, schema_.id);
}

}  // namespace tessera::features
