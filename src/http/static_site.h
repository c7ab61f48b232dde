// Serves the web app's built files (embedded in the binary) for GET
// requests outside /api: the files themselves under their own paths, and
// index.html for every app route such as /base/bse123, so a page reload
// works. Only names in the embedded list can be served, so no path can reach
// the file system.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/request.h"
#include "http/response.h"

namespace tessera::http {

struct StaticFile {
  std::string_view path;  // "/index.html", "/assets/index-3f2a.js"
  std::string_view body;
  std::string_view gzipBody;  // empty when compressing does not pay
  std::string_view etag;      // quoted, from a digest of body
};

class StaticSite {
 public:
  explicit StaticSite(std::span<const StaticFile> files);

  // The response for a GET of `request.path`, or nothing when the path is
  // not the site's (an API path, or a missing file that is not a page).
  std::optional<Response> serve(const Request& request) const;

  // The Content-Security-Policy of the app's pages: no inline script or
  // style, nothing from other origins, never inside a frame.
  static constexpr std::string_view kPagePolicy =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
      "form-action 'self'; frame-ancestors 'none'";

 private:
  Response respond(const StaticFile& file, const Request& request) const;

  std::unordered_map<std::string_view, const StaticFile*> files_;
  const StaticFile* index_ = nullptr;
};

}  // namespace tessera::http
