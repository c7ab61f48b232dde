#include "features/records/record_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "features/query/record_filter.h"
#include "features/query/record_query.h"
#include "features/records/record_json.h"
#include "features/records/record_store.h"
#include "features/records/record_writer.h"
#include "features/views/view_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

SchemaSource cachedSchemas(store::Session& session, SchemaCache& schemas) {
  return [&session, &schemas](const std::string& tableId) {
    return schemas.require(session, tableId);
  };
}

RecordWriter writerFor(store::Session& session, SchemaCache& schemas, const std::string& tableId,
                       const std::string& userId, const WriteOptions& options) {
  // The writer's own copy: typecast may add select choices to it.
  return RecordWriter(session, cachedSchemas(session, schemas),
                      TableSchema(*schemas.require(session, tableId)), userId, options.keyById,
                      options.typecast);
}

// The rows a write read back and the schema they were written with: the
// answer is encoded from them after the commit, on the request's thread,
// so the writer thread spends its time on statements only.
struct WrittenRecords {
  TableSchema schema;
  store::Rows rows;
};

// `written` when the write returned its rows, else the rows read again.
WrittenRecords readBack(store::Session& session, RecordWriter& writer,
                        const std::vector<std::string>& ids, std::optional<store::Rows> written) {
  store::Rows rows = written ? std::move(*written) : loadRecordRows(session, writer.schema(), ids);
  return {writer.takeSchema(), std::move(rows)};
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
        keyedFields(schema,
                    shownFields(schema, request.read.projection,
                                view ? &view->definition.at("hiddenFieldIds").as_array() : nullptr),
                    request.read);
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
    const store::Rows rows = loadRecordRows(session, schema, {recordId});
    if (rows.empty()) {
      throw http::ApiError(404, "record_not_found", "This table has no such record.");
    }
    return recordJson(schema, rows[0], options);
  });
}

JsonText RecordService::create(const std::string& tableId, const std::string& userId,
                               const RecordsInput& input) {
  const WrittenRecords written = database_.write([&](store::Session& session) {
    RecordWriter writer = writerFor(session, schemas_, tableId, userId, input.options);
    std::vector<RecordChanges> records;
    for (const RecordInput& record : input.records) {
      records.push_back(writer.encode(record.fields, record.where));
    }
    writer.saveAddedChoices();
    InsertedRecords inserted = writer.insert(records);
    return readBack(session, writer, inserted.ids, std::move(inserted.rows));
  });
  return recordsJson(written.schema, written.rows,
                     ReadOptions{input.options.keyById, CellFormat::Json, {}});
}

JsonText RecordService::updateOne(const std::string& tableId, const std::string& userId,
                                  const std::string& recordId, const RecordsInput& input) {
  const RecordInput& record = input.records.at(0);
  const WrittenRecords written = database_.write([&](store::Session& session) {
    RecordWriter writer = writerFor(session, schemas_, tableId, userId, input.options);
    RecordChanges changes = writer.encode(record.fields, record.where);
    writer.saveAddedChoices();
    std::optional<store::Rows> rows =
        writer.update({{recordId, std::move(changes), record.version}});
    return readBack(session, writer, {recordId}, std::move(rows));
  });
  return recordJson(written.schema, written.rows.at(0),
                    ReadOptions{input.options.keyById, CellFormat::Json, {}});
}

JsonText RecordService::updateMany(const std::string& tableId, const std::string& userId,
                                   const RecordsInput& input) {
  const WrittenRecords written = database_.write([&](store::Session& session) {
    RecordWriter writer = writerFor(session, schemas_, tableId, userId, input.options);
    std::vector<std::string> ids;
    std::vector<RecordUpdate> updates;
    for (const RecordInput& record : input.records) {
      ids.push_back(record.id);
      updates.push_back({record.id, writer.encode(record.fields, record.where), record.version});
    }
    writer.saveAddedChoices();
    std::optional<store::Rows> rows = writer.update(updates);
    return readBack(session, writer, ids, std::move(rows));
  });
  return recordsJson(written.schema, written.rows,
                     ReadOptions{input.options.keyById, CellFormat::Json, {}});
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
    MaterialisedRefresh refresh(session, cachedSchemas(session, schemas_));
    refresh.beforeDelete(tableId, ids);
    for (const std::string& id : ids) {
      if (!deleteRecord(session, schema, id)) {
        throw http::ApiError(404, "record_not_found",
                             "Record '" + id + "' does not exist; nothing was deleted.");
      }
      deleted.push_back(boost::json::object{{"id", id}, {"deleted", true}});
    }
    refresh.afterDelete();
    return boost::json::value{{"records", std::move(deleted)}};
  });
}

}  // namespace tessera::features
