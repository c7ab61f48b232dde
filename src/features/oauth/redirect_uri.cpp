#include "features/oauth/redirect_uri.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

namespace tessera::features {
bool isLoopbackHost(std::string_view host) {
  return host == "127.0.0.1" || host == "[::1]" || host == "localhost";
}

bool isAcceptableRedirectUri(std::string_view uri) {
  auto parsed = boost::urls::parse_absolute_uri(uri);
  if (!parsed || parsed->has_fragment() || parsed->encoded_host().empty()) return false;
  if (parsed->scheme() == "https") return true;
  return parsed->scheme() == "http" && isLoopbackHost(parsed->encoded_host());
}

bool redirectUriMatches(std::string_view registered, std::string_view requested) {
  if (registered == requested) return true;
  auto a = boost::urls::parse_absolute_uri(registered);
  auto b = boost::urls::parse_absolute_uri(requested);
  if (!a || !b || a->scheme() != "http" || b->scheme() != "http") return false;
  if (!isLoopbackHost(a->encoded_host())) return false;
  return a->encoded_host() == b->encoded_host() && a->encoded_path() == b->encoded_path() &&
         a->encoded_query() == b->encoded_query() && a->has_query() == b->has_query() &&
         !b->has_fragment() && !b->has_userinfo();
}

std::string redirectHostOf(std::string_view uri) {
  auto parsed = boost::urls::parse_absolute_uri(uri);
  return parsed ? std::string(parsed->encoded_authority()) : std::string(uri);
}

std::string withQueryParams(std::string_view uri,
                            const std::vector<std::pair<std::string, std::string>>& params) {
  boost::urls::url url(uri);
  for (const auto& [key, value] : params) url.params().append({key, value});
  return std::string(url.buffer());
}

}  // namespace tessera::features
