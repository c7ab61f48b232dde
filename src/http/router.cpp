#include "http/router.h"

#include <set>
#include <stdexcept>

#include <boost/url/pct_string_view.hpp>

#include "http/api_error.h"

namespace tessera::http {
namespace {

std::vector<std::string_view> splitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  segments.reserve(8);
  std::size_t start = 1;  // skip the leading '/'
  while (start <= path.size()) {
    const std::size_t end = path.find('/', start);
    segments.push_back(path.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return segments;
}

// Matches a route's segments against a request path's; on success fills
// `params` with the decoded values of the {name} segments.
bool matchSegments(const std::vector<std::string>& pattern,
                   const std::vector<std::string_view>& path, PathParams& params) {
  if (pattern.size() != path.size()) return false;
  PathParams found;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string_view expected = pattern[i];
    const std::string_view actual = path[i];
    if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
      const auto decoded = boost::urls::make_pct_string_view(actual);
      if (actual.empty() || !decoded) return false;
      found.emplace_back(std::string(expected.substr(1, expected.size() - 2)), decoded->decode());
    } else if (expected != actual) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, access::Requirement requirement,
                 Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::logic_error("route pattern must start with '/': " + pattern);
  }
  std::vector<std::string> segments;
  for (const std::string_view segment : splitPath(pattern)) segments.emplace_back(segment);
  routes_.push_back({std::move(method), std::move(pattern), std::move(requirement),
                     std::move(handler), std::move(segments)});
}

void Router::addAtOnce(std::string method, std::string pattern, Handler handler) {
  add(std::move(method), std::move(pattern), access::anyone(), std::move(handler));
  routes_.back().answersAtOnce = true;
}

std::variant<const Route*, ApiError> Router::match(std::string_view method, std::string_view path,
                                                   PathParams& params) const {
  const std::vector<std::string_view> segments = splitPath(path);
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    PathParams candidate;
    if (!matchSegments(route.segments, segments, candidate)) continue;
    if (route.method == method) {
      params = std::move(candidate);
      return &route;
    }
    allowed.insert(route.method);
  }
  if (allowed.empty()) return notFound("No API route matches this path.");
  std::string allow;
  for (const std::string& name : allowed) allow += (allow.empty() ? "" : ", ") + name;
  return ApiError(405, "method_not_allowed",
                  "Method " + std::string(method) + " is not allowed here. Allowed: " + allow + ".")
      .withHeader("Allow", allow);
}

}  // namespace tessera::http
