// An HTTP response built by handlers; the server turns it into bytes.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

#include "common/json_writer.h"
#include "http/request.h"

namespace tessera::http {

struct Response {
  int status = 200;
  HeaderList headers;
  std::string body;

  // Replaces any header of the same name.
  void setHeader(std::string_view name, std::string value);
  // Adds a header even if one of that name exists (Set-Cookie).
  void addHeader(std::string_view name, std::string value);
  std::string_view header(std::string_view name) const;

  static Response json(int status, const boost::json::value& body);
  // A body that is JSON text already (common/json_writer.h).
  static Response rawJson(int status, JsonText body);
  static Response noContent();
};

}  // namespace tessera::http
