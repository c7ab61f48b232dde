// The API form of records, written straight from their rows into the
// response text (common/json_writer.h): no document tree per record.
#pragma once

#include <boost/json/array.hpp>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "features/schema/cell_codec.h"
#include "features/schema/table_schema.h"
#include "store/sql_value.h"

namespace tessera::features {

struct ReadOptions {
  bool keyById = false;  // fieldKeyType=id
  CellFormat format = CellFormat::Json;
  std::vector<std::string> projection;  // field ids or names; empty: all
};

// The fields a response shows, as indexes into schema.fields, in order:
// the projection's if there is one, else every field `hiddenByView` (a
// view's hiddenFieldIds, or null) does not hide. Throws ApiError 400 for a
// projection naming no field.
std::vector<std::size_t> shownFields(const TableSchema& schema,
                                     const std::vector<std::string>& projection,
                                     const boost::json::array* hiddenByView);

// A field a response shows, with its key (name or id) written as JSON
// once for all the records of the response.
struct ShownField {
  std::size_t index;
  std::string keyText;  // JsonWriter::keyText
};
std::vector<ShownField> keyedFields(const TableSchema& schema,
                                    const std::vector<std::size_t>& shown,
                                    const ReadOptions& options);

// {"id", "fields", "createdTime", "lastModifiedTime", "createdBy",
// "version"} of a row from selectRecords (record_query.h).
void writeRecord(JsonWriter& json, const TableSchema& schema, const store::Row& row,
                 const std::vector<ShownField>& shown, const ReadOptions& options);

// {"records": [...]} with every field.
JsonText recordsJson(const TableSchema& schema, const store::Rows& rows,
                     const ReadOptions& options);

// One record with every field.
JsonText recordJson(const TableSchema& schema, const store::Row& row, const ReadOptions& options);

}  // namespace tessera::features
