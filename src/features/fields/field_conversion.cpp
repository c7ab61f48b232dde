#include "features/fields/field_conversion.h"

#include "features/records/cell_codec.h"
#include "features/records/record_query.h"
#include "features/tables/table_storage.h"

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

}  // namespace

ConversionReport convertField(store::Session& session, const TableSchema& table,
                              const FieldDef& from, FieldDef& to) {
  ConversionReport report;
  const std::string sqlTable = table.sqlTable();
  const std::string staging = quoteIdentifier("n_" + to.id);
  const bool stored = !isComputed(to.type);
  if (stored) {
    session.executeScript("ALTER TABLE " + sqlTable + " ADD COLUMN " + staging + " " +
                          std::string(sqlColumnType(to.type)));
    // A user field's text form is the user's name (the only join: joining
    // users on a column of another type is a type error on PostgreSQL).
    const bool userField =
        from.type == FieldType::CreatedBy || from.type == FieldType::LastModifiedBy;
    const std::string userName =
        userField
            ? "u.name FROM " + sqlTable + " t LEFT JOIN users u ON u.id = " + from.expression()
            : "NULL FROM " + sqlTable + " t";
    std::int64_t after = 0;
    while (true) {
      const store::Rows rows =
          session.query("SELECT t.__id, t.__seq, " + from.expression() + ", " + userName +
                            " WHERE t.__seq > ? ORDER BY t.__seq LIMIT ?",
                        {after, kBatch});
      for (const store::Row& row : rows) {
        after = row.integer(1);
        if (row.isNull(2)) continue;
        const boost::json::value asJson = userField
                                              ? boost::json::value(row.text(2))
                                              : decodeCell(from, row.value(2), CellFormat::Json);
        const boost::json::value asText = userField
                                              ? boost::json::value(row.optionalText(3).value_or(""))
                                              : decodeCell(from, row.value(2), CellFormat::Text);
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
        session.execute("UPDATE " + sqlTable + " SET " + staging + " = ? WHERE __id = ?",
                        {value, row.text(0)});
      }
      if (static_cast<std::int64_t>(rows.size()) < kBatch) break;
    }
  }
  dropFieldColumn(session, table.id, from);
  if (stored) {
    session.executeScript("ALTER TABLE " + sqlTable + " RENAME COLUMN " + staging + " TO " +
                          to.column());
  }
  return report;
}

}  // namespace tessera::features
