#include "features/schema/field_type.h"

namespace tessera::features {
namespace {

// Everything Tessera knows of a type, in one place per type.
struct TypeFacts {
  std::string_view name;
  std::string_view sqlColumnType;  // empty for types without a column
  std::string_view systemColumn;   // the column a computed type shows; empty for the others
  bool textual;
  bool computed;
};

TypeFacts factsOf(FieldType type) {
  switch (type) {
    case FieldType::SingleLineText:
      return {"singleLineText", "TEXT", "", true, false};
    case FieldType::LongText:
      return {"longText", "TEXT", "", true, false};
    case FieldType::Number:
      return {"number", "DOUBLE PRECISION", "", false, false};
    case FieldType::Checkbox:
      return {"checkbox", "INTEGER", "", false, false};
    case FieldType::Date:
      return {"date", "BIGINT", "", false, false};
    case FieldType::SingleSelect:
      return {"singleSelect", "TEXT", "", true, false};
    case FieldType::MultipleSelect:
      return {"multipleSelect", "TEXT", "", true, false};
    case FieldType::Email:
      return {"email", "TEXT", "", true, false};
    case FieldType::Url:
      return {"url", "TEXT", "", true, false};
    case FieldType::Rating:
      return {"rating", "INTEGER", "", false, false};
    case FieldType::AutoNumber:
      return {"autoNumber", "", "__seq", false, true};
    case FieldType::CreatedTime:
      return {"createdTime", "", "__created_at", false, true};
    case FieldType::LastModifiedTime:
      return {"lastModifiedTime", "", "__updated_at", false, true};
    case FieldType::CreatedBy:
      return {"createdBy", "", "__created_by", false, true};
    case FieldType::LastModifiedBy:
      return {"lastModifiedBy", "", "__updated_by", false, true};
    case FieldType::Formula:
      return {"formula", "", "", false, true};
    case FieldType::Link:
      return {"link", "", "", false, false};
    case FieldType::Lookup:
      return {"lookup", "", "", false, true};
    case FieldType::Rollup:
      return {"rollup", "", "", false, true};
  }
  return {"unknown", "TEXT", "", false, false};
}

}  // namespace

std::optional<FieldType> parseFieldType(std::string_view name) {
  for (FieldType type : kAllFieldTypes) {
    if (fieldTypeName(type) == name) return type;
  }
  return std::nullopt;
}

std::string_view fieldTypeName(FieldType type) { return factsOf(type).name; }

std::string allFieldTypeNames() {
  std::string names;
  for (FieldType type : kAllFieldTypes) {
    names += names.empty() ? "" : ", ";
    names += fieldTypeName(type);
  }
  return names;
}

bool isComputed(FieldType type) { return factsOf(type).computed; }

bool isMaterialised(FieldType type) {
  return type == FieldType::Link || type == FieldType::Lookup || type == FieldType::Rollup;
}

bool hasColumn(FieldType type) { return !factsOf(type).sqlColumnType.empty(); }

std::string_view sqlColumnType(FieldType type) { return factsOf(type).sqlColumnType; }

std::string_view systemColumn(FieldType type) { return factsOf(type).systemColumn; }

bool isTextual(FieldType type) { return factsOf(type).textual; }

}  // namespace tessera::features
