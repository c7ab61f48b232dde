#include "features/oauth/oauth_discovery_routes.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "access/action.h"
#include "access/scopes.h"
#include "auth/oauth_credential_store.h"

namespace tessera::features {
namespace {

boost::json::array scopeNames() {
  boost::json::array names;
  for (const access::ScopePreset& preset : access::scopePresets()) names.emplace_back(preset.name);
  for (const access::Action action : access::allActions()) {
    names.emplace_back(access::actionName(action));
  }
  return names;
}

http::Response protectedResource(const std::string& origin, const std::string& resource,
                                 const char* name) {
  return http::Response::json(200, boost::json::object{{"resource", origin + resource},
                                                       {"authorization_servers", {origin}},
                                                       {"scopes_supported", scopeNames()},
                                                       {"bearer_methods_supported", {"header"}},
                                                       {"resource_name", name}});
}

}  // namespace

std::string resourceMetadataUrl(const std::string& publicOrigin, std::string_view path) {
  return publicOrigin + "/.well-known/oauth-protected-resource/" +
         std::string(auth::resourceOfPath(path));
}

void registerOAuthDiscoveryRoutes(http::Router& router, const std::string& publicOrigin,
                                  bool registrationOpen) {
  const std::string origin = publicOrigin;
  router.add("GET", "/.well-known/oauth-protected-resource", access::anyone(),
             [origin](auto&) { return protectedResource(origin, "", "Tessera"); });
  router.add("GET", "/.well-known/oauth-protected-resource/mcp", access::anyone(),
             [origin](auto&) { return protectedResource(origin, "/mcp", "Tessera MCP server"); });
  router.add("GET", "/.well-known/oauth-protected-resource/api", access::anyone(),
             [origin](auto&) { return protectedResource(origin, "/api", "Tessera REST API"); });
  const auto authorizationServer = [origin, registrationOpen](auto&) {
    boost::json::object metadata{{"issuer", origin},
                                 {"authorization_endpoint", origin + "/oauth/authorize"},
                                 {"token_endpoint", origin + "/oauth/token"},
                                 {"revocation_endpoint", origin + "/oauth/revoke"},
                                 {"response_types_supported", {"code"}},
                                 {"grant_types_supported", {"authorization_code", "refresh_token"}},
                                 {"code_challenge_methods_supported", {"S256"}},
                                 {"token_endpoint_auth_methods_supported", {"none"}},
                                 {"revocation_endpoint_auth_methods_supported", {"none"}},
                                 {"scopes_supported", scopeNames()},
                                 {"client_id_metadata_document_supported", true},
                                 {"service_documentation", origin + "/docs/oauth"}};
    if (registrationOpen) metadata["registration_endpoint"] = origin + "/oauth/register";
    return http::Response::json(200, metadata);
  };
  router.add("GET", "/.well-known/oauth-authorization-server", access::anyone(),
             authorizationServer);
  router.add("GET", "/.well-known/openid-configuration", access::anyone(), authorizationServer);
}

}  // namespace tessera::features
