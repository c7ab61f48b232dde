#include "features/schema/table_schema.h"

#include <stdexcept>

#include "common/ascii.h"

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

std::string textOption(const boost::json::object& options, std::string_view key) {
  const auto* value = options.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : "";
}

std::string FieldDef::column() const { return quoteIdentifier("f_" + id); }

std::string FieldDef::materialisedColumn() const { return quoteIdentifier("m_" + id); }

std::string FieldDef::computeSql() const {
  if (type == FieldType::Link) return link->sql;
  return lookup->sql;
}

std::string FieldDef::expression() const {
  if (type == FieldType::Formula) return formula->sql;
  if (lookup && !lookup->readSql.empty()) return lookup->readSql;
  return "t." + indexExpression();
}

std::string FieldDef::indexExpression() const {
  if (type == FieldType::Formula) return formula->indexSql;
  if (isMaterialised(type)) return materialisedColumn();
  return isComputed(type) ? quoteIdentifier(systemColumn(type)) : column();
}

std::string_view FieldDef::valueType() const {
  switch (type) {
    case FieldType::Formula:
      return formulaSqlType(formula->resultType);
    case FieldType::Rollup:
      return lookup->scalarType ? formulaSqlType(*lookup->scalarType) : "TEXT";
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
    case FieldType::Link:
    case FieldType::Lookup:
      return "TEXT";
    case FieldType::AutoNumber:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
      return "BIGINT";
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
      return sqlColumnType(type);
  }
  return "TEXT";
}

std::string LinkPlan::junction() const { return quoteIdentifier("l_" + junctionId); }

std::string_view LinkPlan::from() const { return reversed ? "b" : "a"; }

std::string_view LinkPlan::to() const { return reversed ? "a" : "b"; }

std::string_view LinkPlan::fromOrder() const { return reversed ? "b_ord" : "a_ord"; }

std::string_view LinkPlan::toOrder() const { return reversed ? "a_ord" : "b_ord"; }

bool LinkPlan::singleLink() const {
  return relationship == LinkRelationship::ManyOne || relationship == LinkRelationship::OneOne;
}

bool LinkPlan::exclusiveTargets() const {
  return relationship == LinkRelationship::OneMany || relationship == LinkRelationship::OneOne;
}

std::string TableSchema::sqlTable() const { return quoteIdentifier("t_" + id); }

const FieldDef* TableSchema::field(std::string_view key, bool byName) const {
  for (const FieldDef& candidate : fields) {
    if (candidate.id == key) return &candidate;
  }
  if (!byName) return nullptr;
  // nameKey's equality without its copies: a bulk write looks up every
  // cell's field, and lowering each name was 12,000 allocations a request.
  for (const FieldDef& candidate : fields) {
    if (equalsIgnoringAsciiCase(candidate.name, key)) return &candidate;
  }
  return nullptr;
}

const FieldDef& TableSchema::primaryField() const {
  for (const FieldDef& candidate : fields) {
    if (candidate.isPrimary) return candidate;
  }
  return fields.at(0);
}

}  // namespace tessera::features
