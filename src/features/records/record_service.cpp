#include "features/records/record_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "features/records/record_filter.h"
#include "features/records/record_json.h"
#include "features/records/record_query.h"
#include "features/records/record_writer.h"
#include "features/views/view_store.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

store::Rows rowsByIds(store::Session& session, const TableSchema& schema,
                      const std::vector<std::string>& ids) {
  std::string sql = selectRecords(schema) + " WHERE t.__id IN (";
  std::vector<store::SqlValue> params;
  for (const std::string& id : ids) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  store::Rows rows = session.query(sql + ")", params);
  // In the order asked for.
  store::Rows ordered;
  for (const std::string& id : ids) {
    for (const store::Row& row : rows) {
      if (row.text(RecordRow::kId) == id) ordered.push_back(row);
    }
  }
  return ordered;
}

struct WriteBody {
  bool keyById = false;
  bool typecast = false;
};

WriteBody readWriteOptions(http::JsonObjectReader& reader, const boost::json::object& body) {
  WriteBody options;
  if (const auto keyType = reader.optionalString("fieldKeyType", 10)) {
    if (*keyType != "name" && *keyType != "id") {
      throw http::badRequest("invalid_field", "Field 'fieldKeyType' must be \"name\" or \"id\".");
    }
    options.keyById = *keyType == "id";
  }
  if (const auto* typecast = body.if_contains("typecast")) {
    if (!typecast->is_bool()) {
      throw http::badRequest("invalid_field", "Field 'typecast' must be a boolean.");
    }
    options.typecast = typecast->as_bool();
  }
  return options;
}

const boost::json::array& recordsArray(const boost::json::object& body) {
  const auto* records = body.if_contains("records");
  if (!records || !records->is_array() || records->as_array().empty()) {
    throw http::badRequest("missing_field", "Field 'records' must be a non-empty array.");
  }
  if (records->as_array().size() > kMaxRecordsPerRequest) {
    throw http::badRequest("too_many_records",
                           "At most 1000 records per request; split the batch.");
  }
  return records->as_array();
}

// One element of a "records" array: an object with only `allowed` keys.
const boost::json::object& batchItem(const boost::json::value& item, const std::string& where,
                                     std::initializer_list<std::string_view> allowed) {
  const auto* record = item.if_object();
  if (!record) throw http::badRequest("invalid_field", where + " must be an object.");
  for (const auto& entry : *record) {
    bool known = false;
    for (std::string_view key : allowed) known = known || entry.key() == key;
    if (!known) {
      throw http::badRequest("unknown_field",
                             where + ": unknown key '" + std::string(entry.key()) + "'.");
    }
  }
  return *record;
}

// The "fields" of a record body; an absent one reads as no change.
const boost::json::value& fieldsOf(const boost::json::object& record) {
  static const boost::json::value kEmpty = boost::json::object();
  const auto* fields = record.if_contains("fields");
  return fields ? *fields : kEmpty;
}

// The parts of a batch write body: options and the "records" array.
struct BatchBody {
  WriteBody options;
  const boost::json::array* records;
};

BatchBody readBatchBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"records", "fieldKeyType", "typecast"});
  return {readWriteOptions(reader, body.as_object()), &recordsArray(body.as_object())};
}

RecordWriter writerFor(store::Session& session, SchemaCache& schemas, const std::string& tableId,
                       const std::string& userId, const WriteBody& options) {
  // The writer's own copy: typecast may add select choices to it.
  return RecordWriter(session, TableSchema(*schemas.require(session, tableId)), userId,
                      options.keyById, options.typecast);
}

std::optional<std::int64_t> versionOf(const boost::json::object& record, const std::string& where) {
  const auto* version = record.if_contains("version");
  if (!version) return std::nullopt;
  if (!version->is_int64()) {
    throw http::badRequest("invalid_field", where + ": 'version' must be an integer.");
  }
  return version->as_int64();
}

}  // namespace

JsonText RecordService::list(const std::string& tableId, const ListRequest& request) {
  return database_.read([&](store::Session& session) {
    const auto cachedSchema = schemas_.require(session, tableId);
    const TableSchema& schema = *cachedSchema;
    std::optional<ViewDef> view;
    if (request.viewId) {
      view = loadView(session, tableId, *request.viewId);
      if (!view) throw http::ApiError(404, "view_not_found", "This table has no such view.");
    }
    ListQuery query;
    query.where =
        compileFilter(schema, view ? view->definition.at("filter") : boost::json::value());
    query.where.sql = "(" + query.where.sql + ") AND ";
    query.where.append(compileFilter(schema, request.filter));
    if (!request.search.empty()) {
      query.where.sql = "(" + query.where.sql + ") AND ";
      query.where.append(compileSearch(schema, request.search));
    }
    query.sort =
        parseSort(schema, !request.orderBy.is_null() || !view ? request.orderBy
                                                              : view->definition.at("sort"));
    query.cursor = request.cursor;
    query.take = request.take;
    query.skip = request.skip;
    const auto shown =
        shownFields(schema, request.read.projection,
                    view ? &view->definition.at("hiddenFieldIds").as_array() : nullptr);
    JsonText text;
    JsonWriter json(text.text);
    json.beginObject().key("records").beginArray();
    const auto nextCursor = fetchPage(session, schema, query, [&](const store::Row& row) {
      writeRecord(json, schema, row, shown, request.read);
    });
    json.endArray().key("nextCursor");
    if (nextCursor) {
      json.string(*nextCursor);
    } else {
      json.null();
    }
    json.endObject();
    return text;
  });
}

boost::json::value RecordService::count(const std::string& tableId, const ListRequest& request) {
  return database_.read([&](store::Session& session) {
    const auto cachedSchema = schemas_.require(session, tableId);
    const TableSchema& schema = *cachedSchema;
    SqlFragment where = compileFilter(schema, request.filter);
    if (request.viewId) {
      const auto view = loadView(session, tableId, *request.viewId);
      if (!view) throw http::ApiError(404, "view_not_found", "This table has no such view.");
      where.sql = "(" + where.sql + ") AND ";
      where.append(compileFilter(schema, view->definition.at("filter")));
    }
    if (!request.search.empty()) {
      where.sql = "(" + where.sql + ") AND ";
      where.append(compileSearch(schema, request.search));
    }
    return boost::json::value{{"count", countRecords(session, schema, where)}};
  });
}

JsonText RecordService::get(const std::string& tableId, const std::string& recordId,
                            const ReadOptions& options) {
  return database_.read([&](store::Session& session) {
    const auto cachedSchema = schemas_.require(session, tableId);
    const TableSchema& schema = *cachedSchema;
    const store::Rows rows = rowsByIds(session, schema, {recordId});
    if (rows.empty()) {
      throw http::ApiError(404, "record_not_found", "This table has no such record.");
    }
    return recordJson(schema, rows[0], options);
  });
}

JsonText RecordService::create(const std::string& tableId, const std::string& userId,
                               const boost::json::value& body) {
  const BatchBody batch = readBatchBody(body);
  const WriteBody& options = batch.options;
  const boost::json::array& input = *batch.records;
  return database_.write([&](store::Session& session) {
    RecordWriter writer = writerFor(session, schemas_, tableId, userId, options);
    std::vector<CellValues> records;
    for (std::size_t i = 0; i < input.size(); ++i) {
      const std::string where = "records[" + std::to_string(i) + "]";
      records.push_back(writer.encode(fieldsOf(batchItem(input[i], where, {"fields"})), where));
    }
    writer.saveAddedChoices();
    const auto ids = writer.insert(records);
    return recordsJson(writer.schema(), rowsByIds(session, writer.schema(), ids),
                       ReadOptions{options.keyById, CellFormat::Json, {}});
  });
}

JsonText RecordService::updateOne(const std::string& tableId, const std::string& userId,
                                  const std::string& recordId, const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"fields", "fieldKeyType", "typecast", "version"});
  const WriteBody options = readWriteOptions(reader, body.as_object());
  const auto version = versionOf(body.as_object(), "record");
  return database_.write([&](store::Session& session) {
    RecordWriter writer = writerFor(session, schemas_, tableId, userId, options);
    const CellValues values = writer.encode(fieldsOf(body.as_object()), "record");
    writer.saveAddedChoices();
    writer.update(recordId, values, version);
    const ReadOptions read{options.keyById, CellFormat::Json, {}};
    const store::Rows rows = rowsByIds(session, writer.schema(), {recordId});
    return recordJson(writer.schema(), rows.at(0), read);
  });
}

JsonText RecordService::updateMany(const std::string& tableId, const std::string& userId,
                                   const boost::json::value& body) {
  const BatchBody batch = readBatchBody(body);
  const WriteBody& options = batch.options;
  const boost::json::array& input = *batch.records;
  return database_.write([&](store::Session& session) {
    RecordWriter writer = writerFor(session, schemas_, tableId, userId, options);
    std::vector<std::string> ids;
    std::vector<std::pair<CellValues, std::optional<std::int64_t>>> changes;
    for (std::size_t i = 0; i < input.size(); ++i) {
      const std::string where = "records[" + std::to_string(i) + "]";
      const boost::json::object& record = batchItem(input[i], where, {"id", "fields", "version"});
      const auto* id = record.if_contains("id");
      if (!id || !id->is_string()) {
        throw http::badRequest("missing_field", where + " needs an 'id'.");
      }
      ids.emplace_back(id->as_string());
      changes.emplace_back(writer.encode(fieldsOf(record), where), versionOf(record, where));
    }
    writer.saveAddedChoices();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      writer.update(ids[i], changes[i].first, changes[i].second);
    }
    return recordsJson(writer.schema(), rowsByIds(session, writer.schema(), ids),
                       ReadOptions{options.keyById, CellFormat::Json, {}});
  });
}

boost::json::value RecordService::remove(const std::string& tableId,
                                         const std::vector<std::string>& ids) {
  if (ids.empty() || ids.size() > kMaxRecordsPerRequest) {
    throw http::badRequest("invalid_parameter", "Give 1 to 1000 record ids to delete.");
  }
  return database_.write([&](store::Session& session) {
    const auto cachedSchema = schemas_.require(session, tableId);
    const TableSchema& schema = *cachedSchema;
    boost::json::array deleted;
    for (const std::string& id : ids) {
      if (session.execute("DELETE FROM " + schema.sqlTable() + " WHERE __id = ?", {id}) != 1) {
        throw http::ApiError(404, "record_not_found",
                             "Record '" + id + "' does not exist; nothing was deleted.");
      }
      deleted.push_back(boost::json::object{{"id", id}, {"deleted", true}});
    }
    return boost::json::value{{"records", std::move(deleted)}};
  });
}

}  // namespace tessera::features
