// The model of one user table: its fields, their types and options, and
// the SQL names of the physical table and columns (built only from
// Tessera's own ids, never from user text). schema_store.h loads and saves
// it.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "features/schema/field_type.h"

namespace tessera::features {

struct FieldDef {
  std::string id;
  std::string name;
  std::string description;
  FieldType type = FieldType::SingleLineText;
  boost::json::object options;
  bool isPrimary = false;
  std::int64_t position = 0;

  // The quoted column of a stored field, e.g. "f_fldAbc...".
  // REQUIRES: !isComputed(type).
  std::string column() const;
  // The quoted column that holds the value: the field's own, or for a
  // computed field the system column it shows.
  std::string valueColumn() const;
  // The SQL type of valueColumn(), for casts that must match it.
  std::string_view valueType() const;
  // The SQL expression of the value in a query whose table alias is `t`.
  std::string expression() const;
};

struct TableSchema {
  std::string id;
  std::string baseId;
  std::string name;
  std::string description;
  std::string createdBy;
  UnixMillis createdAt = 0;
  UnixMillis updatedAt = 0;
  std::vector<FieldDef> fields;  // in display order; the primary field first

  // The quoted physical table, e.g. "t_tblAbc...".
  std::string sqlTable() const;
  // Finds a field by id, or by name (case-insensitive) when `byName`.
  const FieldDef* field(std::string_view key, bool byName) const;
  const FieldDef& primaryField() const;
};

// Quotes an identifier built from Tessera's own ids ([A-Za-z0-9_]).
std::string quoteIdentifier(std::string_view identifier);

// The case-insensitive uniqueness key of a name.
std::string nameKey(std::string_view name);

}  // namespace tessera::features
