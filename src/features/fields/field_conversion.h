// Converts a field's stored values to a new type: a new column is filled
// from the old values (with typecast rules), the old column dropped and the
// new one renamed into its place. Runs inside the caller's transaction.
#pragma once

#include <cstdint>
#include <string>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

struct ConversionReport {
  std::int64_t converted = 0;  // non-empty values kept
  std::int64_t failed = 0;     // non-empty values that could not be kept
};

// The text form of the value in a row of loadFieldValuesAfter
// (user_table_store.h); "" for an empty cell.
std::string storedValueText(const FieldDef& from, const store::Row& row);

// REQUIRES: `from` and `to` have the same id; `to` may gain select choices.
ConversionReport convertField(store::Session& session, const TableSchema& table,
                              const FieldDef& from, FieldDef& to);

}  // namespace tessera::features
