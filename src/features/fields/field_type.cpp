#include "features/fields/field_type.h"

#include <array>
#include <utility>

namespace tessera::features {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 15> kTypeNames = {{
    {FieldType::SingleLineText, "singleLineText"},
    {FieldType::LongText, "longText"},
    {FieldType::Number, "number"},
    {FieldType::Checkbox, "checkbox"},
    {FieldType::Date, "date"},
    {FieldType::SingleSelect, "singleSelect"},
    {FieldType::MultipleSelect, "multipleSelect"},
    {FieldType::Email, "email"},
    {FieldType::Url, "url"},
    {FieldType::Rating, "rating"},
    {FieldType::AutoNumber, "autoNumber"},
    {FieldType::CreatedTime, "createdTime"},
    {FieldType::LastModifiedTime, "lastModifiedTime"},
    {FieldType::CreatedBy, "createdBy"},
    {FieldType::LastModifiedBy, "lastModifiedBy"},
}};

}  // namespace

std::optional<FieldType> parseFieldType(std::string_view name) {
  for (const auto& [type, known] : kTypeNames) {
    if (known == name) return type;
  }
  return std::nullopt;
}

std::string_view fieldTypeName(FieldType type) {
  for (const auto& [known, name] : kTypeNames) {
    if (known == type) return name;
  }
  return "unknown";
}

std::string allFieldTypeNames() {
  std::string names;
  for (const auto& [type, name] : kTypeNames) {
    names += names.empty() ? "" : ", ";
    names += name;
  }
  return names;
}

bool isComputed(FieldType type) {
  switch (type) {
    case FieldType::AutoNumber:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
      return true;
    default:
      return false;
  }
}

std::string_view sqlColumnType(FieldType type) {
  switch (type) {
    case FieldType::Number:
      return "DOUBLE PRECISION";
    case FieldType::Checkbox:
    case FieldType::Rating:
      return "INTEGER";
    case FieldType::Date:
      return "BIGINT";
    default:
      return "TEXT";
  }
}

std::string_view systemColumn(FieldType type) {
  switch (type) {
    case FieldType::AutoNumber:
      return "__seq";
    case FieldType::CreatedTime:
      return "__created_at";
    case FieldType::LastModifiedTime:
      return "__updated_at";
    case FieldType::CreatedBy:
      return "__created_by";
    case FieldType::LastModifiedBy:
      return "__updated_by";
    default:
      return "";
  }
}

bool isTextual(FieldType type) {
  switch (type) {
    case FieldType::SingleLineText:
    case FieldType::LongText:
    case FieldType::SingleSelect:
    case FieldType::MultipleSelect:
    case FieldType::Email:
    case FieldType::Url:
      return true;
    default:
      return false;
  }
}

}  // namespace tessera::features
