#include "features/records/record_json.h"

#include "features/query/record_query.h"
#include "http/api_error.h"

namespace tessera::features {

std::vector<std::size_t> shownFields(const TableSchema& schema,
                                     const std::vector<std::string>& projection,
                                     const boost::json::array* hiddenByView) {
  std::vector<std::size_t> shown;
  if (!projection.empty()) {
    for (const std::string& key : projection) {
      const FieldDef* field = schema.field(key, true);
      if (!field) {
        throw http::badRequest("invalid_parameter",
                               "projection: this table has no field '" + key + "'.");
      }
      shown.push_back(static_cast<std::size_t>(field - schema.fields.data()));
    }
    return shown;
  }
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    bool hidden = false;
    if (hiddenByView) {
      for (const auto& id : *hiddenByView) hidden = hidden || id.as_string() == schema.fields[i].id;
    }
    if (!hidden) shown.push_back(i);
  }
  return shown;
}

std::vector<ShownField> keyedFields(const TableSchema& schema,
                                    const std::vector<std::size_t>& shown,
                                    const ReadOptions& options) {
  std::vector<ShownField> keyed;
  keyed.reserve(shown.size());
  for (const std::size_t index : shown) {
    const FieldDef& field = schema.fields[index];
    keyed.push_back({index, JsonWriter::keyText(options.keyById ? field.id : field.name)});
  }
  return keyed;
}

void writeRecord(JsonWriter& json, const TableSchema& schema, const store::Row& row,
                 const std::vector<ShownField>& shown, const ReadOptions& options) {
  json.beginObject()
      .keyWritten(R"("id":)")
      .string(row.text(RecordRow::kId))
      .keyWritten(R"("fields":)")
      .beginObject();
  for (const auto& [index, key] : shown) {
    const FieldDef& field = schema.fields[index];
    if (field.type == FieldType::CreatedBy || field.type == FieldType::LastModifiedBy) {
      const bool created = field.type == FieldType::CreatedBy;
      writeUser(json.keyWritten(key),
                row.text(created ? RecordRow::kCreatedBy : RecordRow::kUpdatedBy),
                row.optionalText(created ? RecordRow::kCreatedByName : RecordRow::kUpdatedByName)
                    .value_or(""),
                row.optionalText(created ? RecordRow::kCreatedByEmail : RecordRow::kUpdatedByEmail)
                    .value_or(""),
                options.format);
      continue;
    }
    if ((field.formula && field.formula->error) || (field.lookup && field.lookup->error)) {
      // A broken formula shows as an error in every record, as in Airtable.
      json.keyWritten(key).beginObject().key("error").string("#ERROR!").endObject();
      continue;
    }
    const store::SqlValue& stored = row.value(RecordRow::kFirstField + index);
    if (std::holds_alternative<std::nullptr_t>(stored)) continue;  // empty cells are left out
    writeCell(json.keyWritten(key), field, stored, options.format);
  }
  Rfc3339Buffer created, updated;
  formatRfc3339(row.integer(RecordRow::kCreatedAt), created);
  formatRfc3339(row.integer(RecordRow::kUpdatedAt), updated);
  json.endObject()
      .keyWritten(R"("createdTime":)")
      .string(std::string_view(created, sizeof created))
      .keyWritten(R"("lastModifiedTime":)")
      .string(std::string_view(updated, sizeof updated))
      .keyWritten(R"("createdBy":)")
      .string(row.text(RecordRow::kCreatedBy))
      .keyWritten(R"("version":)")
      .integer(row.integer(RecordRow::kVersion))
      .endObject();
}

JsonText recordsJson(const TableSchema& schema, const store::Rows& rows,
                     const ReadOptions& options) {
  const auto shown = keyedFields(schema, shownFields(schema, options.projection, nullptr), options);
  JsonText text;
  JsonWriter json(text.text);
  json.beginObject().key("records").beginArray();
  for (const store::Row& row : rows) writeRecord(json, schema, row, shown, options);
  json.endArray().endObject();
  return text;
}

JsonText recordJson(const TableSchema& schema, const store::Row& row, const ReadOptions& options) {
  JsonText text;
  JsonWriter json(text.text);
  writeRecord(json, schema, row,
              keyedFields(schema, shownFields(schema, options.projection, nullptr), options),
              options);
  return text;
}

}  // namespace tessera::features
