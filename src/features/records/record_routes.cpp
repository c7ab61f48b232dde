#include "features/records/record_routes.h"

#include <boost/json/value.hpp>

#include "http/api_error.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxSearchLength = 1000;

ReadOptions readOptions(const http::QueryParams& query) {
  ReadOptions options;
  if (const auto keyType = query.single("fieldKeyType")) {
    if (*keyType != "name" && *keyType != "id") {
      throw http::badRequest("invalid_parameter", "fieldKeyType must be 'name' or 'id'.");
    }
    options.keyById = *keyType == "id";
  }
  if (const auto format = query.single("cellFormat")) {
    if (*format != "json" && *format != "text") {
      throw http::badRequest("invalid_parameter", "cellFormat must be 'json' or 'text'.");
    }
    options.format = *format == "text" ? CellFormat::Text : CellFormat::Json;
  }
  options.projection = query.all("projection");
  return options;
}

boost::json::value jsonParameter(const http::QueryParams& query, std::string_view name) {
  const auto text = query.single(name);
  if (!text || text->empty()) return nullptr;
  return http::parseJsonText(*text, std::string(name) + " parameter");
}

ListRequest listRequest(const http::QueryParams& query) {
  ListRequest request;
  request.read = readOptions(query);
  request.viewId = query.single("viewId");
  request.filter = jsonParameter(query, "filter");
  request.orderBy = jsonParameter(query, "orderBy");
  request.search = query.single("search").value_or("");
  if (http::utf8Length(request.search) > kMaxSearchLength) {
    throw http::badRequest("invalid_parameter", "search is longer than 1000 characters.");
  }
  request.cursor = query.single("cursor");
  request.take = query.integer("take", 1, kMaxTake).value_or(100);
  request.skip = query.integer("skip", 0, 1'000'000'000).value_or(0);
  return request;
}

std::vector<std::string> recordIds(const http::QueryParams& query) {
  std::vector<std::string> ids;
  for (const std::string& value : query.all("recordIds")) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::string id = value.substr(start, comma - start);
      if (!id.empty()) ids.push_back(id);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return ids;
}

}  // namespace

void registerRecordRoutes(http::Router& router, RecordService& records) {
  using access::Action;
  const std::string collection = "/api/table/{tableId}/record";
  router.add("GET", collection, access::onTable(Action::RecordRead), [&records](auto& ctx) {
    const http::QueryParams query(
        ctx.request.query, {"take", "skip", "cursor", "viewId", "filter", "orderBy", "search",
                            "projection", "fieldKeyType", "cellFormat"});
    return http::Response::rawJson(200, records.list(ctx.param("tableId"), listRequest(query)));
  });
  router.add("GET", collection + "/count", access::onTable(Action::RecordRead),
             [&records](auto& ctx) {
               const http::QueryParams query(ctx.request.query, {"filter", "viewId", "search"});
               ListRequest request;
               request.filter = jsonParameter(query, "filter");
               request.viewId = query.single("viewId");
               request.search = query.single("search").value_or("");
               return http::Response::json(200, records.count(ctx.param("tableId"), request));
             });
  router.add("GET", collection + "/{recordId}", access::onTable(Action::RecordRead),
             [&records](auto& ctx) {
               const http::QueryParams query(ctx.request.query,
                                             {"projection", "fieldKeyType", "cellFormat"});
               return http::Response::rawJson(
                   200,
                   records.get(ctx.param("tableId"), ctx.param("recordId"), readOptions(query)));
             });
  router.add("POST", collection, access::onTable(Action::RecordCreate), [&records](auto& ctx) {
    return http::Response::rawJson(
        201, records.create(ctx.param("tableId"), ctx.who().userId,
                            newRecordsFromBody(http::parseJsonBody(ctx.request))));
  });
  router.add("PATCH", collection, access::onTable(Action::RecordUpdate), [&records](auto& ctx) {
    return http::Response::rawJson(
        200, records.updateMany(ctx.param("tableId"), ctx.who().userId,
                                recordChangesFromBody(http::parseJsonBody(ctx.request))));
  });
  router.add("PATCH", collection + "/{recordId}", access::onTable(Action::RecordUpdate),
             [&records](auto& ctx) {
               return http::Response::rawJson(
                   200,
                   records.updateOne(ctx.param("tableId"), ctx.who().userId, ctx.param("recordId"),
                                     recordChangeFromBody(http::parseJsonBody(ctx.request))));
             });
  router.add("DELETE", collection, access::onTable(Action::RecordDelete), [&records](auto& ctx) {
    const http::QueryParams query(ctx.request.query, {"recordIds"});
    return http::Response::json(200, records.remove(ctx.param("tableId"), recordIds(query)));
  });
  router.add("DELETE", collection + "/{recordId}", access::onTable(Action::RecordDelete),
             [&records](auto& ctx) {
               return http::Response::json(
                   200, records.remove(ctx.param("tableId"), {ctx.param("recordId")}));
             });
}

}  // namespace tessera::features
