#include "features/fields/field_conversion.h"

#include "features/schema/cell_codec.h"
#include "features/schema/user_table_store.h"

namespace tessera::features {
namespace {

constexpr std::int64_t kBatch = 1000;

// The old value in the form the new type is most likely to accept.
store::SqlValue convertValue(FieldDef& to, const boost::json::value& asJson,
                             const boost::json::value& asText, bool& optionsChanged) {
  try {
    return encodeCell(to, asJson, true, optionsChanged);
  } catch (const CellError&) {
    return encodeCell(to, asText, true, optionsChanged);
  }
}

bool isUserField(const FieldDef& field) {
  return field.type == FieldType::CreatedBy || field.type == FieldType::LastModifiedBy;
}

}  // namespace

std::string storedValueText(const FieldDef& from, const store::Row& row) {
  if (row.isNull(2)) return "";
  if (isUserField(from)) return row.optionalText(3).value_or("");
  return std::string(decodeCell(from, row.value(2), CellFormat::Text).as_string());
}

ConversionReport convertField(store::Session& session, const TableSchema& table,
                              const FieldDef& from, FieldDef& to) {
  ConversionReport report;
  const bool stored = hasColumn(to.type);
  if (stored) {
    addStagingColumn(session, table, to);
    const bool userField = isUserField(from);
    std::int64_t after = 0;
    while (true) {
      const store::Rows rows = loadFieldValuesAfter(session, table, from, after, kBatch);
      for (const store::Row& row : rows) {
        after = row.integer(1);
        if (row.isNull(2)) continue;
        const boost::json::value asJson = userField
                                              ? boost::json::value(row.text(2))
                                              : decodeCell(from, row.value(2), CellFormat::Json);
        const boost::json::value asText(storedValueText(from, row));
        bool optionsChanged = false;
        store::SqlValue value = nullptr;
        try {
          value = convertValue(to, asJson, asText, optionsChanged);
        } catch (const CellError&) {
          ++report.failed;
          continue;
        }
        if (std::holds_alternative<std::nullptr_t>(value)) {
          ++report.failed;
          continue;
        }
        ++report.converted;
        setStagedValue(session, table, to, row.text(0), value);
      }
      if (static_cast<std::int64_t>(rows.size()) < kBatch) break;
    }
  }
  dropFieldColumn(session, table.id, from);
  if (stored) promoteStagingColumn(session, table, to);
  return report;
}

}  // namespace tessera::features
