// Redirect URIs, where the authorization server sends the user back with a
// code: which may be registered (https, or http on the loopback address
// for native apps: RFC 8252 §7.3), how a requested one matches a
// registered one (exactly, except that a loopback URI's port may differ),
// and the URI the user is sent to (the redirect URI with the code and
// state added to its query).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tessera::features {

// 127.0.0.1, [::1] or localhost, as a URI's host is written.
bool isLoopbackHost(std::string_view host);

bool isAcceptableRedirectUri(std::string_view uri);

bool redirectUriMatches(std::string_view registered, std::string_view requested);

// The host (and port) of a redirect URI, as the consent page names it.
std::string redirectHostOf(std::string_view uri);

// `uri` with each of `params` appended to its query.
std::string withQueryParams(std::string_view uri,
                            const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace tessera::features
