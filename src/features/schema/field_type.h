// The field types a table column can have, how each is stored in SQL, and
// which are computed by the server (never written by clients). A new type
// is an enumerator here, an entry in kAllFieldTypes, its facts in
// field_type.cpp, and a case in every other switch over FieldType, which
// the compiler (-Wswitch -Werror) lists.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::features {

enum class FieldType {
  SingleLineText,
  LongText,
  Number,
  Checkbox,
  Date,
  SingleSelect,
  MultipleSelect,
  Email,
  Url,
  Rating,
  AutoNumber,
  CreatedTime,
  LastModifiedTime,
  CreatedBy,
  LastModifiedBy,
  Formula,
  Link,
  Lookup,
  Rollup,
};

// Every type, in the order the API lists them.
inline constexpr std::array kAllFieldTypes = {
    FieldType::SingleLineText,   FieldType::LongText,   FieldType::Number,
    FieldType::Checkbox,         FieldType::Date,       FieldType::SingleSelect,
    FieldType::MultipleSelect,   FieldType::Email,      FieldType::Url,
    FieldType::Rating,           FieldType::AutoNumber, FieldType::CreatedTime,
    FieldType::LastModifiedTime, FieldType::CreatedBy,  FieldType::LastModifiedBy,
    FieldType::Formula,          FieldType::Link,       FieldType::Lookup,
    FieldType::Rollup,
};

std::optional<FieldType> parseFieldType(std::string_view name);
std::string_view fieldTypeName(FieldType type);
// Every type name, for error messages and the API description.
std::string allFieldTypeNames();

// Computed types are never written by clients and have no column of their
// own: they show one of the record's system columns, or (formulas) an
// expression over the record's columns.
bool isComputed(FieldType type);
// Types whose values come from other tables (links' titles, lookups,
// rollups): each such field keeps its value in a column of its own,
// m_<fieldId>, refreshed in the transaction of every write that changes
// it (features/schema/materialised_refresh.h), so reading, filtering and
// sorting on it cost what a stored column costs.
bool isMaterialised(FieldType type);
// Whether the field has a column of its own in its table: not computed
// types, and not links, whose pairs are rows of a junction table
// (features/schema/link_fields.h).
bool hasColumn(FieldType type);
// The SQL column type of a stored field; REQUIRES: hasColumn(type).
std::string_view sqlColumnType(FieldType type);
// The system column a computed field shows; empty for a formula.
// REQUIRES: isComputed(type).
std::string_view systemColumn(FieldType type);

// Text-like types: searched by `search`, compared as text.
bool isTextual(FieldType type);

}  // namespace tessera::features
