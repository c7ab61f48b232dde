// Where an OAuth client discovers how to get a token for Tessera, with no
// configuration: the protected-resource metadata of /mcp and of the REST
// API (RFC 9728, at /.well-known/oauth-protected-resource[/mcp|/api]) and
// the authorization server's metadata (RFC 8414, at
// /.well-known/oauth-authorization-server, and the OpenID Connect path
// clients also try). Every URL in them starts with the server's public
// origin (--public-url). The authorization server's metadata names the
// registration endpoint only while registration is open, and says that
// client metadata documents are supported.
#pragma once

#include <string>

#include "http/router.h"

namespace tessera::features {

void registerOAuthDiscoveryRoutes(http::Router& router, const std::string& publicOrigin,
                                  bool registrationOpen);

// The protected-resource metadata URL of the resource a request path
// belongs to (/mcp, or the REST API), for the WWW-Authenticate challenge
// of a 401 (RFC 9728 §5.1).
std::string resourceMetadataUrl(const std::string& publicOrigin, std::string_view path);

}  // namespace tessera::features
