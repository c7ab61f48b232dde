#include "http/static_site.h"

#include <boost/algorithm/string/predicate.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace tessera::http {
namespace {

constexpr std::string_view kIndexPath = "/index.html";

// Paths the server itself answers; the app never shadows them.
bool isServerPath(std::string_view path) {
  return path.starts_with("/api/") || path == "/api" || path.starts_with("/mcp") ||
         path == "/healthz" || path == "/readyz" || path == "/metrics";
}

std::string_view extensionOf(std::string_view path) {
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot);
}

std::string_view contentTypeFor(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  const std::string_view extension = extensionOf(path);
  for (const auto& [suffix, type] : kTypes) {
    if (extension == suffix) return type;
  }
  return "application/octet-stream";
}

// An app route: letters, digits, '-', '_' and '/', no file extension. Other
// paths that are not files are 404, so odd paths never look like pages.
bool isAppRoute(std::string_view path) {
  return std::all_of(path.begin(), path.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '/';
  });
}

bool acceptsGzip(const Request& request) {
  return boost::algorithm::icontains(request.header("accept-encoding"), "gzip");
}

}  // namespace

StaticSite::StaticSite(std::span<const StaticFile> files) {
  for (const StaticFile& file : files) {
    files_.emplace(file.path, &file);
    if (file.path == kIndexPath) index_ = &file;
  }
}

std::optional<Response> StaticSite::serve(const Request& request) const {
  if (request.method != "GET" || isServerPath(request.path)) return std::nullopt;
  const std::string_view path = request.path == "/" ? kIndexPath : std::string_view(request.path);
  if (auto found = files_.find(path); found != files_.end())
    return respond(*found->second, request);
  if (index_ && isAppRoute(path)) return respond(*index_, request);
  return std::nullopt;
}

Response StaticSite::respond(const StaticFile& file, const Request& request) const {
  Response response;
  // Vite names every built file but index.html after a digest of its
  // contents, so those can be cached forever; index.html is revalidated.
  const bool immutable = file.path.starts_with("/assets/");
  response.setHeader("Cache-Control",
                     immutable ? "public, max-age=31536000, immutable" : "no-cache");
  response.setHeader("ETag", std::string(file.etag));
  response.setHeader("Content-Type", std::string(contentTypeFor(file.path)));
  response.setHeader("Vary", "Accept-Encoding");
  if (&file == index_) {
    response.setHeader("Content-Security-Policy", std::string(kPagePolicy));
    response.setHeader("X-Frame-Options", "DENY");
  }
  if (request.header("if-none-match") == file.etag) {
    response.status = 304;
    return response;
  }
  if (!file.gzipBody.empty() && acceptsGzip(request)) {
    response.setHeader("Content-Encoding", "gzip");
    response.body = std::string(file.gzipBody);
  } else {
    response.body = std::string(file.body);
  }
  return response;
}

}  // namespace tessera::http
