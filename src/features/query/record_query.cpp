#include "features/query/record_query.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <limits>

#include "common/base64_url.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

boost::json::value toJson(const store::SqlValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* text = std::get_if<std::string>(&value)) return boost::json::value(*text);
  return nullptr;
}

store::SqlValue fromJson(const boost::json::value& value) {
  if (value.is_int64()) return value.as_int64();
  if (value.is_double()) return value.as_double();
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_null()) return nullptr;
  throw http::badRequest("invalid_cursor", "The cursor is not valid.");
}

// The values of the order parts of the last row, as an opaque string.
std::string encodeCursor(const std::vector<SortKey>& sort,
                         const std::vector<store::SqlValue>& orderValues) {
  boost::json::array values;
  for (const store::SqlValue& value : orderValues) values.push_back(toJson(value));
  return toBase64Url(boost::json::serialize(
      boost::json::object{{"o", sortSignature(sort)}, {"v", std::move(values)}}));
}

// Whether a cursor's `value` can be compared with a column of `type`
// without a cast error (PostgreSQL refuses CAST('x' AS BIGINT)).
bool fitsColumn(const boost::json::value& value, std::string_view type) {
  if (value.is_null()) return true;
  if (type == "TEXT") return value.is_string();
  if (type == "DOUBLE PRECISION") return value.is_int64() || value.is_double();
  if (type == "INTEGER") {
    return value.is_int64() && value.as_int64() >= std::numeric_limits<std::int32_t>::min() &&
           value.as_int64() <= std::numeric_limits<std::int32_t>::max();
  }
  return value.is_int64();  // BIGINT
}

std::vector<store::SqlValue> decodeCursor(const std::vector<SortKey>& sort,
                                          const std::string& cursor,
                                          const std::vector<OrderPart>& parts) {
  const http::ApiError invalid = http::badRequest(
      "invalid_cursor",
      "The cursor is not valid for this request. Use the nextCursor of the previous page with "
      "the same orderBy (and view), or start again without a cursor.");
  const auto bytes = fromBase64Url(cursor);
  if (!bytes) throw invalid;
  boost::system::error_code error;
  const boost::json::value decoded = boost::json::parse(*bytes, error);
  const auto* object = decoded.if_object();
  if (error || !object || !object->contains("o") || !object->contains("v") ||
      !object->at("o").is_string() || object->at("o").as_string() != sortSignature(sort) ||
      !object->at("v").is_array() || object->at("v").as_array().size() != parts.size()) {
    throw invalid;
  }
  std::vector<store::SqlValue> values;
  const auto& given = object->at("v").as_array();
  for (std::size_t i = 0; i < given.size(); ++i) {
    // Layout of orderParts: (null flag, value) per sort key, then __seq.
    const bool isSeq = i + 1 == given.size();
    const bool isFlag = !isSeq && i % 2 == 0;
    if (isSeq && !given[i].is_int64()) throw invalid;
    if (isFlag &&
        !(given[i].is_int64() && (given[i].as_int64() == 0 || given[i].as_int64() == 1))) {
      throw invalid;
    }
    if (!isSeq && !isFlag && !fitsColumn(given[i], parts[i].valueType)) throw invalid;
    values.push_back(fromJson(given[i]));
  }
  return values;
}

// `part` compared with a bound value.
std::string comparison(const OrderPart& part, std::string_view op) {
  return part.expression + " " + std::string(op) + " " +
         (part.castsBoundValue ? "CAST(? AS " + std::string(part.valueType) + ")" : "?");
}

// The rows after the cursor `values` are, in order, those equal to it in
// the first k parts and after it in part k, for k = last ... 0. Branch k
// selects one such group: equalities and one range on a prefix of the
// order, which an index on the order answers by a range scan. nullopt when
// the group is empty by construction (nothing follows an empty cell inside
// its null flag's group).
std::optional<SqlFragment> keysetBranch(const std::vector<OrderPart>& parts,
                                        const std::vector<store::SqlValue>& values, std::size_t k) {
  if (std::holds_alternative<std::nullptr_t>(values[k])) return std::nullopt;
  SqlFragment branch{"", {}};
  for (std::size_t j = 0; j < k; ++j) {
    if (std::holds_alternative<std::nullptr_t>(values[j])) {
      branch.sql += parts[j].expression + " IS NULL AND ";
      continue;
    }
    branch.sql += comparison(parts[j], "=") + " AND ";
    branch.params.push_back(values[j]);
  }
  branch.sql += comparison(parts[k], parts[k].descending ? "<" : ">");
  branch.params.push_back(values[k]);
  return branch;
}

// " ORDER BY" parts[from...]: the parts before `from` are fixed by
// equalities, and leaving them out lets SQLite see the index order.
std::string orderBy(const std::vector<OrderPart>& parts, std::size_t from) {
  std::string sql = " ORDER BY ";
  for (std::size_t i = from; i < parts.size(); ++i) {
    sql += (i > from ? ", " : "") + parts[i].expression + (parts[i].descending ? " DESC" : " ASC");
  }
  return sql;
}

}  // namespace

std::string selectRecords(const TableSchema& schema, const std::string& moreColumns) {
  // The users are joined only for a table with a field that shows them:
  // two fewer look-ups per row for every other table.
  bool createdBy = false, modifiedBy = false;
  for (const FieldDef& field : schema.fields) {
    createdBy = createdBy || field.type == FieldType::CreatedBy;
    modifiedBy = modifiedBy || field.type == FieldType::LastModifiedBy;
  }
  std::string sql = "SELECT t.__id, t.__seq, t.__created_at, t.__updated_at, t.__created_by, ";
  sql += createdBy ? "cu.name, cu.email" : "NULL, NULL";
  sql += ", t.__updated_by, ";
  sql += modifiedBy ? "mu.name, mu.email" : "NULL, NULL";
  sql += ", t.__version";
  for (const FieldDef& field : schema.fields) sql += ", " + field.expression();
  sql += moreColumns + " FROM " + schema.sqlTable() + " t";
  if (createdBy) sql += " LEFT JOIN users cu ON cu.id = t.__created_by";
  if (modifiedBy) sql += " LEFT JOIN users mu ON mu.id = t.__updated_by";
  return sql;
}

std::optional<std::string> returningRecords(const TableSchema& schema) {
  std::string sql =
      " RETURNING __id, __seq, __created_at, __updated_at, __created_by, NULL, NULL, __updated_by, "
      "NULL, NULL, __version";
  for (const FieldDef& field : schema.fields) {
    // A stored column, or a system column shown as it is: not the users
    // behind created/modified by (joined), formulas or materialised fields.
    const bool inRow =
        hasColumn(field.type) ||
        (isComputed(field.type) && !systemColumn(field.type).empty() &&
         field.type != FieldType::CreatedBy && field.type != FieldType::LastModifiedBy);
    if (!inRow) return std::nullopt;
    // Unqualified: SQLite's RETURNING takes no table alias.
    sql += ", " + field.indexExpression();
  }
  return sql;
}

bool canOrderBy(const FieldDef& field) {
  switch (field.type) {
    case FieldType::Link:
      return false;
    case FieldType::Lookup:
      // Its cell is a JSON array of the values: text orders by it whole;
      // numbers, dates and checkboxes by their first value.
      return field.lookup && field.lookup->valueField &&
             (isTextual(field.lookup->valueField->type) || !field.lookup->firstValue.empty());
    case FieldType::SingleLineText:
    case FieldType::LongText:
    case FieldType::Number:
    case FieldType::Checkbox:
    case FieldType::Date:
    case FieldType::SingleSelect:
    case FieldType::MultipleSelect:
    case FieldType::Email:
    case FieldType::Url:
    case FieldType::Rating:
    case FieldType::AutoNumber:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
    case FieldType::Formula:
    case FieldType::Rollup:
      return true;
  }
  return false;
}

std::vector<SortKey> parseSort(const TableSchema& schema, const boost::json::value& orderBy) {
  std::vector<SortKey> keys;
  if (orderBy.is_null()) return keys;
  const auto invalid = [](const std::string& message) {
    return http::badRequest("invalid_sort", "Invalid orderBy: " + message);
  };
  if (!orderBy.is_array() || orderBy.as_array().size() > kMaxSortKeys) {
    throw invalid("it must be an array of at most 10 {\"fieldId\",\"order\"} objects.");
  }
  for (const auto& item : orderBy.as_array()) {
    const auto* object = item.if_object();
    const auto* fieldKey = object ? object->if_contains("fieldId") : nullptr;
    if (!fieldKey || !fieldKey->is_string()) throw invalid("each entry needs a 'fieldId'.");
    for (const auto& entry : *object) {
      if (entry.key() != "fieldId" && entry.key() != "order") {
        throw invalid("unknown key '" + std::string(entry.key()) + "'.");
      }
    }
    const FieldDef* field = schema.field(fieldKey->as_string(), true);
    if (!field)
      throw invalid("this table has no field '" + std::string(fieldKey->as_string()) + "'.");
    if (!canOrderBy(*field)) {
      throw invalid(std::string(fieldTypeName(field->type)) + " field '" + field->name +
                    "' cannot order records: a link cannot, nor a lookup of links, users or "
                    "multiple selects; order by a rollup of it (min, max...) instead.");
    }
    bool descending = false;
    if (const auto* order = object->if_contains("order")) {
      if (!order->is_string() || (order->as_string() != "asc" && order->as_string() != "desc")) {
        throw invalid("'order' must be \"asc\" or \"desc\".");
      }
      descending = order->as_string() == "desc";
    }
    keys.push_back({field, descending});
  }
  return keys;
}

std::optional<std::string> fetchPage(store::Session& session, const TableSchema& schema,
                                     const ListQuery& query,
                                     const std::function<void(const store::Row&)>& onRecord) {
  const std::vector<OrderPart> parts = orderParts(query.sort, OrderFor::Query);
  const std::size_t firstOrderColumn = RecordRow::kFirstField + schema.fields.size();
  // The order parts are selected too, so the last row can make the cursor.
  std::string orderColumns;
  for (const OrderPart& part : parts) orderColumns += ", " + part.expression;
  const std::string select = selectRecords(schema, orderColumns);

  // Rows are handed on as they come; the one after `take` only says that
  // a next page exists, and the last one handed on makes its cursor.
  std::int64_t delivered = 0;
  bool more = false;
  std::vector<store::SqlValue> lastOrderValues(parts.size());
  const auto read = [&](const SqlFragment& where, std::size_t orderFrom, std::int64_t offset) {
    std::vector<store::SqlValue> params = where.params;
    params.emplace_back(query.take + 1 - delivered);
    params.emplace_back(offset);
    std::int64_t rows = 0;
    session.queryEach(
        select + " WHERE " + where.sql + orderBy(parts, orderFrom) + " LIMIT ? OFFSET ?", params,
        [&](const store::Row& row) {
          ++rows;
          if (delivered == query.take) {
            more = true;
            return;
          }
          ++delivered;
          for (std::size_t i = 0; i < parts.size(); ++i) {
            lastOrderValues[i] = row.value(firstOrderColumn + i);
          }
          onRecord(row);
        });
    return rows;
  };

  if (!query.cursor) {
    read(query.where, 0, query.skip);
  } else {
    const auto values = decodeCursor(query.sort, *query.cursor, parts);
    std::int64_t skip = query.skip;
    for (std::size_t k = parts.size(); k-- > 0 && !more;) {
      const auto branch = keysetBranch(parts, values, k);
      if (!branch) continue;
      // "IS TRUE" keeps SQLite from taking a filter on a sort column as the
      // index range instead of the branch's own constraints.
      SqlFragment where{"(" + query.where.sql + ") IS TRUE AND ", query.where.params};
      where.append(*branch);
      const std::int64_t rows = read(where, k, skip);
      // An offset reaching past this branch continues into the next one.
      if (skip > 0) skip = rows == 0 ? skip - countRecords(session, schema, where) : 0;
    }
  }
  if (!more) return std::nullopt;
  return encodeCursor(query.sort, lastOrderValues);
}

std::int64_t countRecords(store::Session& session, const TableSchema& schema,
                          const SqlFragment& where) {
  return session
      .query("SELECT COUNT(*) FROM " + schema.sqlTable() + " t WHERE " + where.sql, where.params)
      .at(0)
      .integer(0);
}

}  // namespace tessera::features
