#include "features/oauth/oauth_input.h"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "auth/oauth_credential_store.h"
#include "features/oauth/redirect_uri.h"
#include "features/tokens/token_input.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxUriLength = 2000;
constexpr std::size_t kMaxStateLength = 500;
constexpr std::size_t kMaxRedirectUris = 10;
constexpr std::size_t kMaxClientNameLength = 200;
constexpr std::size_t kMaxFormValueLength = 4000;
// The longest lifetime --max-token-lifetime-days may allow; the service
// holds each grant to the server's own maximum.
constexpr int kMaxGrantDays = 3660;

// The resource names of a resource indicator; 400 invalid_target for one
// this server does not protect.
std::vector<std::string> protectedResourcesOf(const std::string& uri) {
  auto names = resourceNamesOf(uri);
  if (names.empty()) {
    throw http::badRequest("invalid_target", "The resource '" + uri +
                                                 "' is not one this server protects: use its "
                                                 "address, or its /mcp or /api address.");
  }
  return names;
}

// The decoded parameters of a form body or query string, in order.
class FormParams {
 public:
  explicit FormParams(std::string_view body) {
    const std::string target = "/?" + std::string(body);
    auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) throw http::badRequest("invalid_request", "The form body is not valid.");
    for (const auto& param : parsed->params()) {
      const std::string key = param.key;
      const std::string value = param.has_value ? std::string(param.value) : "";
      if (value.size() > kMaxFormValueLength) {
        throw http::badRequest("invalid_request", "Parameter '" + key + "' is too long.");
      }
      params_.emplace_back(key, value);
    }
  }

  // Every non-empty value of `name`, in order.
  std::vector<std::string> all(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : params_) {
      if (key == name && !value.empty()) values.push_back(value);
    }
    return values;
  }

  // The first value of `name`, unless absent or empty.
  std::optional<std::string> optional(std::string_view name) const {
    const std::string* value = find(name);
    if (!value || value->empty()) return std::nullopt;
    return *value;
  }

  std::string required(std::string_view name) const {
    auto value = optional(name);
    if (!value) {
      throw http::badRequest("invalid_request",
                             "Parameter '" + std::string(name) + "' is required.");
    }
    return std::move(*value);
  }

  // The resource names of the "resource" parameter; empty when not sent.
  std::vector<std::string> resources() const {
    const auto uri = optional("resource");
    return uri ? protectedResourcesOf(*uri) : std::vector<std::string>{};
  }

 private:
  const std::string* find(std::string_view name) const {
    for (const auto& [key, value] : params_) {
      if (key == name) return &value;
    }
    return nullptr;
  }

  std::vector<std::pair<std::string, std::string>> params_;
};

std::vector<std::string> resourceNames(const boost::json::object& body) {
  std::vector<std::string> resources = readIdArray(body, "resources", 2);
  if (resources.empty()) {
    throw http::badRequest("invalid_field",
                           "Field 'resources' needs \"mcp\", \"api\" or both: what the app may "
                           "use its tokens on.");
  }
  for (const std::string& resource : resources) {
    if (resource != auth::kMcpResource && resource != auth::kApiResource) {
      throw http::badRequest("invalid_field",
                             "Unknown resource '" + resource + "': use \"mcp\" or \"api\".");
    }
  }
  return resources;
}

}  // namespace

std::vector<std::string> resourceNamesOf(std::string_view uri) {
  auto parsed = boost::urls::parse_absolute_uri(uri);
  if (!parsed || parsed->has_fragment() || parsed->has_query()) return {};
  const std::string_view path = parsed->encoded_path();
  const std::string mcp(auth::kMcpResource), api(auth::kApiResource);
  if (path == "/mcp" || path == "/mcp/") return {mcp};
  if (path == "/api" || path == "/api/") return {api};
  if (path.empty() || path == "/") return {mcp, api};
  return {};
}

AuthorizationRequestInput authorizationRequestFromQuery(std::string_view query) {
  const FormParams params(query);
  AuthorizationRequestInput request;
  request.clientId = params.required("client_id");
  request.redirectUri = params.required("redirect_uri");
  request.responseType = params.optional("response_type").value_or("");
  request.codeChallenge = params.optional("code_challenge").value_or("");
  request.codeChallengeMethod = params.optional("code_challenge_method").value_or("plain");
  request.state = params.optional("state");
  const std::string scope = params.optional("scope").value_or("");
  for (std::size_t start = 0; start < scope.size();) {
    const std::size_t end = std::min(scope.find(' ', start), scope.size());
    if (end > start) request.scopes.push_back(scope.substr(start, end - start));
    start = end + 1;
  }
  for (const std::string& uri : params.all("resource")) {
    for (std::string& name : protectedResourcesOf(uri)) {
      if (std::find(request.resources.begin(), request.resources.end(), name) ==
          request.resources.end()) {
        request.resources.push_back(std::move(name));
      }
    }
  }
  return request;
}

ConsentInput consentFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(
      body, {"clientId", "redirectUri", "codeChallenge", "codeChallengeMethod", "state", "scopes",
             "spaceIds", "baseIds", "resources", "lifetimeDays"});
  const boost::json::object& object = body.as_object();
  ConsentInput consent;
  consent.clientId = reader.requiredString("clientId", kMaxUriLength);
  consent.redirectUri = reader.requiredString("redirectUri", kMaxUriLength);
  consent.codeChallenge = reader.requiredString("codeChallenge", 200);
  const auto method = reader.optionalString("codeChallengeMethod", 20);
  if (method.value_or("S256") != "S256") {
    throw http::badRequest("invalid_request",
                           "Only the S256 code challenge method is accepted (PKCE); 'plain' is "
                           "refused.");
  }
  consent.state = reader.optionalString("state", kMaxStateLength);
  consent.scopes = readScopes(object);
  consent.spaceIds = readIdArray(object, "spaceIds", 100);
  consent.baseIds = readIdArray(object, "baseIds", 100);
  consent.resources = resourceNames(object);
  if (const auto* days = object.if_contains("lifetimeDays"); days && !days->is_null()) {
    if (!days->is_int64() || days->as_int64() < 1 || days->as_int64() > kMaxGrantDays) {
      throw http::badRequest("invalid_field",
                             "Field 'lifetimeDays' must be a whole number of "
                             "days from 1 to " +
                                 std::to_string(kMaxGrantDays) + ".");
    }
    consent.lifetimeDays = static_cast<int>(days->as_int64());
  }
  return consent;
}

TokenRequest tokenRequestFromForm(std::string_view body) {
  const FormParams form(body);
  const std::string grantType = form.required("grant_type");
  if (grantType == "authorization_code") {
    return CodeExchangeInput{form.required("code"), form.required("redirect_uri"),
                             form.required("client_id"), form.required("code_verifier"),
                             form.resources()};
  }
  if (grantType == "refresh_token") {
    return RefreshInput{form.required("refresh_token"), form.required("client_id"),
                        form.resources()};
  }
  throw http::badRequest("unsupported_grant_type",
                         "grant_type must be authorization_code or refresh_token.");
}

RevokeInput revokeRequestFromForm(std::string_view body) {
  const FormParams form(body);
  return {form.required("token"), form.optional("client_id")};
}

ClientRegistrationInput registrationFromBody(const boost::json::value& body) {
  if (!body.is_object()) {
    throw http::badRequest("invalid_client_metadata", "The registration must be a JSON object.");
  }
  const boost::json::object& object = body.as_object();
  const auto text = [&](std::string_view key, std::size_t max) -> std::optional<std::string> {
    const auto* value = object.if_contains(key);
    if (!value || value->is_null()) return std::nullopt;
    if (!value->is_string() || value->as_string().empty() || value->as_string().size() > max) {
      throw http::badRequest("invalid_client_metadata", "'" + std::string(key) +
                                                            "' must be a string of at most " +
                                                            std::to_string(max) + " characters.");
    }
    return std::string(value->as_string());
  };
  if (const auto method = text("token_endpoint_auth_method", 50); method && *method != "none") {
    throw http::badRequest("invalid_client_metadata",
                           "Only public clients register here: token_endpoint_auth_method must "
                           "be \"none\" (PKCE protects the code).");
  }
  ClientRegistrationInput input;
  input.name = text("client_name", kMaxClientNameLength).value_or("");
  if (input.name.empty()) {
    throw http::badRequest("invalid_client_metadata",
                           "'client_name' is required: the consent page shows it to the user.");
  }
  input.logoUri = text("logo_uri", kMaxUriLength);
  input.clientUri = text("client_uri", kMaxUriLength);
  const auto* uris = object.if_contains("redirect_uris");
  if (!uris || !uris->is_array() || uris->as_array().empty() ||
      uris->as_array().size() > kMaxRedirectUris) {
    throw http::badRequest(
        "invalid_redirect_uri",
        "'redirect_uris' must list 1 to " + std::to_string(kMaxRedirectUris) + " redirect URIs.");
  }
  for (const auto& uri : uris->as_array()) {
    if (!uri.is_string() || uri.as_string().size() > kMaxUriLength ||
        !isAcceptableRedirectUri(uri.as_string())) {
      throw http::badRequest("invalid_redirect_uri",
                             "Each redirect URI must be an https URL, or an http URL on the "
                             "loopback address (127.0.0.1, [::1] or localhost), with no "
                             "fragment.");
    }
    input.redirectUris.emplace_back(uri.as_string());
  }
  return input;
}

GrantFilter grantFilterFromQuery(std::string_view query) {
  const http::QueryParams params(query, {"userId", "clientId"});
  return {params.single("userId"), params.single("clientId")};
}

ClientStatus clientStatusFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"status"});
  const std::string status = reader.requiredString("status", 20);
  if (status == "allowed") return ClientStatus::Allowed;
  if (status == "blocked") return ClientStatus::Blocked;
  if (status == "unreviewed") return ClientStatus::Unreviewed;
  throw http::badRequest("invalid_field",
                         "Field 'status' must be \"allowed\", \"blocked\" or \"unreviewed\".");
}

}  // namespace tessera::features
