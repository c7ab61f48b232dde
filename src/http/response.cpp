#include "http/response.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "common/ascii.h"

namespace tessera::http {

void Response::setHeader(std::string_view name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (equalsIgnoringAsciiCase(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  addHeader(name, std::move(value));
}

void Response::addHeader(std::string_view name, std::string value) {
  headers.emplace_back(std::string(name), std::move(value));
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoringAsciiCase(key, name)) return value;
  }
  return {};
}

Response Response::json(int status, const boost::json::value& body) {
  return rawJson(status, JsonText{boost::json::serialize(body)});
}

Response Response::rawJson(int status, JsonText body) {
  Response response;
  response.status = status;
  response.body = std::move(body.text);
  response.setHeader("Content-Type", "application/json");
  return response;
}

Response Response::noContent() {
  Response response;
  response.status = 204;
  return response;
}

}  // namespace tessera::http
