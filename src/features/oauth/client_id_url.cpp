#include "features/oauth/client_id_url.h"

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>

#include "features/oauth/redirect_uri.h"
#include "http/api_error.h"

namespace tessera::features {

bool isClientIdUrl(std::string_view clientId) {
  return clientId.starts_with("https://") || clientId.starts_with("http://");
}

std::optional<std::string> clientIdUrlProblem(std::string_view url, bool allowLoopback) {
  const auto parsed = boost::urls::parse_uri(url);  // a fragment is refused below, by name
  if (!parsed || parsed->encoded_host().empty()) return "it is not an absolute URL with a host";
  const bool loopback = isLoopbackHost(parsed->encoded_host());
  if (loopback && !allowLoopback) {
    return "it is on the loopback address, which this server does not fetch from";
  }
  if (parsed->scheme() != "https" && !(parsed->scheme() == "http" && loopback)) {
    return "it must be an https URL";
  }
  if (parsed->has_userinfo() || parsed->has_fragment()) {
    return "it must have no user name, password or fragment";
  }
  const auto path = parsed->encoded_path();
  if (path.empty() || path == "/") return "it must have a path (not just \"/\")";
  for (const auto& segment : parsed->encoded_segments()) {
    if (segment == "." || segment == "..") return "its path must have no \".\" or \"..\" segment";
  }
  return std::nullopt;
}

ClientRegistrationInput clientFromDocument(std::string_view document, std::string_view url) {
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(document, error);
  if (error || !parsed.is_object()) {
    throw http::badRequest(
        "invalid_client_metadata",
        "The app's metadata document at " + std::string(url) + " is not a JSON object.");
  }
  boost::json::object& object = parsed.as_object();
  const auto* clientId = object.if_contains("client_id");
  if (!clientId || !clientId->is_string() || clientId->as_string() != url) {
    throw http::badRequest("invalid_client_metadata",
                           "The app's metadata document must name itself: its 'client_id' must be "
                           "exactly " +
                               std::string(url) + ".");
  }
  if (object.contains("client_secret") || object.contains("client_secret_expires_at")) {
    throw http::badRequest("invalid_client_metadata",
                           "A metadata document describes a public client and holds no secret.");
  }
  if (!object.contains("client_name")) {
    object["client_name"] = boost::urls::parse_absolute_uri(url)->encoded_host();
  }
  return registrationFromBody(parsed);
}

}  // namespace tessera::features
