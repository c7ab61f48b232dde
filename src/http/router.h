// Maps a method and a path such as /api/space/spc123/base to the route that
// declared "/api/space/{spaceId}/base". Each route also declares what it
// requires (access::Requirement), so the whole access surface of the server
// can be listed from the router alone.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "access/requirement.h"
#include "http/api_error.h"
#include "http/request_context.h"
#include "http/response.h"

namespace tessera::http {

using Handler = std::function<Response(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;
  access::Requirement requirement;
  Handler handler;
  std::vector<std::string> segments;  // the pattern split at '/', once
  // Served on the I/O thread without looking at credentials (addAtOnce).
  bool answersAtOnce = false;
};

class Router {
 public:
  void add(std::string method, std::string pattern, access::Requirement requirement,
           Handler handler);
  // A route anyone may call whose handler needs no database, no network
  // and no credentials (liveness): the server answers it on its I/O thread,
  // so it answers while every pool thread is busy.
  void addAtOnce(std::string method, std::string pattern, Handler handler);

  // The route for `method` and `path`, with its path parameters filled in;
  // or the refusal: ApiError 404 when no pattern matches the path, 405
  // (with an Allow header) when patterns match but none for this method.
  std::variant<const Route*, ApiError> match(std::string_view method, std::string_view path,
                                             PathParams& params) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace tessera::http
