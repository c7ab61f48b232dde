#include "features/tables/table_schema.h"

#include <boost/json/parse.hpp>
#include <stdexcept>

#include "common/ascii.h"
#include "http/api_error.h"

namespace tessera::features {

std::string quoteIdentifier(std::string_view identifier) {
  for (const char c : identifier) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      throw std::logic_error("identifier not built from an id: " + std::string(identifier));
    }
  }
  return "\"" + std::string(identifier) + "\"";
}

std::string nameKey(std::string_view name) { return lowerAscii(name); }

std::string FieldDef::column() const { return quoteIdentifier("f_" + id); }

std::string FieldDef::valueColumn() const {
  return isComputed(type) ? quoteIdentifier(systemColumn(type)) : column();
}

std::string_view FieldDef::valueType() const {
  if (!isComputed(type)) return sqlColumnType(type);
  return type == FieldType::CreatedBy || type == FieldType::LastModifiedBy ? "TEXT" : "BIGINT";
}

std::string FieldDef::expression() const { return "t." + valueColumn(); }

std::string TableSchema::sqlTable() const { return quoteIdentifier("t_" + id); }

const FieldDef* TableSchema::field(std::string_view key, bool byName) const {
  for (const FieldDef& candidate : fields) {
    if (candidate.id == key) return &candidate;
  }
  if (!byName) return nullptr;
  const std::string wanted = nameKey(key);
  for (const FieldDef& candidate : fields) {
    if (nameKey(candidate.name) == wanted) return &candidate;
  }
  return nullptr;
}

const FieldDef& TableSchema::primaryField() const {
  for (const FieldDef& candidate : fields) {
    if (candidate.isPrimary) return candidate;
  }
  return fields.at(0);
}

TableSchema requireTableSchema(store::Session& session, const std::string& tableId) {
  auto schema = loadTableSchema(session, tableId);
  if (!schema) throw http::notFound("Table not found.");
  return std::move(*schema);
}

std::optional<TableSchema> loadTableSchema(store::Session& session, const std::string& tableId) {
  const store::Rows tables = session.query(
      "SELECT id, base_id, name, description, created_by, created_at, updated_at"
      " FROM tables_meta WHERE id = ?",
      {tableId});
  if (tables.empty()) return std::nullopt;
  const store::Row& row = tables[0];
  TableSchema schema{row.text(0), row.text(1),    row.text(2),    row.text(3),
                     row.text(4), row.integer(5), row.integer(6), {}};
  const store::Rows fields = session.query(
      "SELECT id, name, description, type, options, is_primary, position FROM fields_meta"
      " WHERE table_id = ? ORDER BY is_primary DESC, position, id",
      {tableId});
  for (const store::Row& field : fields) {
    const auto type = parseFieldType(field.text(3));
    if (!type) throw std::logic_error("unknown field type in metadata: " + field.text(3));
    schema.fields.push_back(FieldDef{field.text(0), field.text(1), field.text(2), *type,
                                     boost::json::parse(field.text(4)).as_object(),
                                     field.integer(5) != 0, field.integer(6)});
  }
  return schema;
}

void touchTableSchema(store::Session& session, const std::string& tableId) {
  session.execute("UPDATE tables_meta SET schema_version = schema_version + 1 WHERE id = ?",
                  {tableId});
}

}  // namespace tessera::features
