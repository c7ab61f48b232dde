// Everything a handler knows about the request it serves: the request, the
// path parameters, the request id, and who is asking (once authenticated).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/principal.h"
#include "access/role.h"
#include "http/request.h"

namespace tessera::http {

using PathParams = std::vector<std::pair<std::string, std::string>>;

struct RequestContext {
  const Request& request;
  std::string requestId;
  PathParams params;
  std::optional<access::Principal> principal;
  // Digest of the browser session's secret, when a cookie authenticated.
  std::string browserSessionHash;
  // The principal's role on the route's resource, once authorized.
  access::Role role = access::Role::None;
  // The matched route's pattern ("/api/table/{tableId}/record"), the app's
  // pages ("static"), or empty when nothing matched; for metrics.
  std::string_view route;

  // The value of a `{name}` path segment. REQUIRES: the route declares it.
  const std::string& param(std::string_view name) const;
  // The authenticated principal. REQUIRES: the route is not public.
  const access::Principal& who() const;
};

}  // namespace tessera::http
