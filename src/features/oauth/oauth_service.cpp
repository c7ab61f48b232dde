#include "features/oauth/oauth_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <optional>

#include "access/scopes.h"
#include "audit/audit_log.h"
#include "auth/digest.h"
#include "auth/oauth_credential_store.h"
#include "auth/pkce.h"
#include "auth/token_format.h"
#include "common/random.h"
#include "features/grant_resources.h"
#include "features/oauth/oauth_store.h"
#include "features/oauth/redirect_uri.h"
#include "features/tokens/token_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

constexpr std::size_t kCodeLength = 43;

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void recordEvent(store::Session& session, const std::string& event, const std::string& userId,
                 const std::string& grantId, const ClientInfo& client,
                 const std::string& clientId) {
  audit::AuditLog::record(session, {event, userId, grantId, client.ip, client.userAgent,
                                    boost::json::object{{"clientId", clientId}}});
}

// Issues a new access token and refresh token under the grant, and returns
// the RFC 6749 token response.
boost::json::value issueTokens(store::Session& session, const std::string& grantId,
                               const std::vector<std::string>& scopes, UnixMillis refreshExpiresAt,
                               const OAuthPolicy& policy) {
  const UnixMillis now = nowMillis();
  const auto issue = [&](auth::TokenKind kind, UnixMillis expiresAt) {
    const std::string id = auth::newTokenId();
    const std::string secret = auth::newTokenSecret();
    insertOAuthToken(session, id, grantId, kind, auth::sha256Hex(secret), now, expiresAt);
    return auth::makeToken(kind, id, secret);
  };
  std::string scope;
  for (const std::string& name : scopes) scope += (scope.empty() ? "" : " ") + name;
  return {{"access_token", issue(auth::TokenKind::OAuthAccess, now + policy.accessTokenLifetime)},
          {"token_type", "Bearer"},
          {"expires_in", policy.accessTokenLifetime / 1000},
          {"refresh_token", issue(auth::TokenKind::OAuthRefresh, refreshExpiresAt)},
          {"scope", scope}};
}

void requireResources(const std::vector<std::string>& asked,
                      const std::vector<std::string>& granted) {
  for (const std::string& resource : asked) {
    if (!contains(granted, resource)) {
      throw http::ApiError(400, "invalid_target",
                           "This grant does not cover the resource '" + resource +
                               "': the user approved only " +
                               (granted.size() == 2 ? std::string("both") : granted.at(0)) + ".");
    }
  }
}
// The client, once it is known, not blocked (nor waiting for an admin's
// approval when only allowed clients connect) and registered `redirectUri`.
StoredClient requireClientFor(store::Session& session, const std::string& clientId,
                              const std::string& redirectUri, bool allowedClientsOnly) {
  auto stored = loadClient(session, clientId);
  if (!stored) {
    throw http::badRequest("unknown_client", "No app with this client id is known here.");
  }
  if (stored->status == ClientStatus::Blocked) {
    throw http::ApiError(403, "client_blocked",
                         "An administrator of this server has blocked this app.");
  }
  if (allowedClientsOnly && stored->status != ClientStatus::Allowed) {
    throw http::ApiError(403, "client_not_allowed",
                         "This server connects only apps an administrator allowed, and this one "
                         "is not among them yet. Ask your administrator.");
  }
  const auto& registered = stored->client.redirectUris;
  if (std::none_of(registered.begin(), registered.end(),
                   [&](const std::string& uri) { return redirectUriMatches(uri, redirectUri); })) {
    throw http::badRequest("invalid_redirect_uri", "This app did not register the redirect URI '" +
                                                       redirectUri +
                                                       "', so no code is sent there.");
  }
  return std::move(*stored);
}

boost::json::array jsonStrings(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const std::string& item : items) array.emplace_back(item);
  return array;
}

const char* statusText(ClientStatus status) {
  switch (status) {
    case ClientStatus::Unreviewed:
      return "unreviewed";
    case ClientStatus::Allowed:
      return "allowed";
    case ClientStatus::Blocked:
      return "blocked";
  }
  return "unreviewed";  // not reached: the switch names every status
}

// A live grant as the lists show it; with its user for the instance admin.
boost::json::object grantJson(store::Session& session, const ListedGrant& listed,
                              const auth::LastUsedTracker& lastUsed, bool withUser) {
  const OAuthGrant& grant = listed.grant;
  std::optional<UnixMillis> lastUsedAt = listed.lastUsedAt;
  std::string lastUsedIp = listed.lastUsedIp;
  if (const auto pending = lastUsed.pending(grant.id);
      pending && (!lastUsedAt || pending->at > *lastUsedAt)) {
    lastUsedAt = pending->at;
    lastUsedIp = pending->ip;
  }
  boost::json::object json{{"id", grant.id},
                           {"client",
                            {{"id", grant.clientId},
                             {"name", listed.clientName},
                             {"verified", listed.clientKind == OAuthClientKind::MetadataDocument}}},
                           {"scopes", jsonStrings(grant.scopes)},
                           {"spaces", namedResources(session, "spaces", grant.spaceIds)},
                           {"bases", namedResources(session, "bases", grant.baseIds)},
                           {"resources", jsonStrings(grant.resources)},
                           {"createdAt", formatRfc3339(grant.createdAt)},
                           {"lastUsedAt", optionalTime(lastUsedAt)},
                           {"lastUsedIp", lastUsedIp.empty() ? boost::json::value(nullptr)
                                                             : boost::json::value(lastUsedIp)},
                           {"expiresAt", optionalTime(grant.expiresAt)}};
  if (withUser) {
    json["user"] = {{"id", grant.userId}, {"email", listed.userEmail}, {"name", listed.userName}};
  }
  return json;
}

boost::json::object clientJson(const ListedClient& listed) {
  const OAuthClient& client = listed.stored.client;
  return {{"id", client.id},
          {"name", client.name},
          {"verified", client.kind == OAuthClientKind::MetadataDocument},
          {"redirectUris", jsonStrings(client.redirectUris)},
          {"clientUri", client.clientUri ? boost::json::value(*client.clientUri) : nullptr},
          {"createdAt", formatRfc3339(client.createdAt)},
          {"status", statusText(listed.stored.status)},
          {"liveGrants", listed.liveGrants}};
}

void requireOwnGrant(store::Session& session, const std::string& userId,
                     const std::string& grantId) {
  if (grantOwner(session, grantId) != userId) {
    throw http::ApiError(404, "grant_not_found", "You have no connected app with this id.");
  }
}

}  // namespace

boost::json::value OAuthService::describeRequest(const AuthorizationRequestInput& request) {
  documents_.refresh(request.clientId);
  const StoredClient stored = database_.read([&](store::Session& session) {
    return requireClientFor(session, request.clientId, request.redirectUri,
                            policy_.allowedClientsOnly);
  });
  const auto bounce = [&](const std::string& error, const std::string& description) {
    std::vector<std::pair<std::string, std::string>> params{{"error", error}};
    if (!description.empty()) params.emplace_back("error_description", description);
    if (request.state) params.emplace_back("state", *request.state);
    return withQueryParams(request.redirectUri, params);
  };
  std::string problem;
  if (request.responseType != "code") {
    problem =
        "The app asked for response_type '" + request.responseType + "'; only 'code' is used.";
  } else if (request.codeChallengeMethod != "S256" ||
             !auth::isWellFormedS256Challenge(request.codeChallenge)) {
    problem = "The app sent no S256 code challenge (PKCE), which this server requires.";
  }
  std::vector<std::string> scopes;
  for (const std::string& scope : request.scopes) {
    if (!access::ScopeSet::firstUnknown({scope})) scopes.push_back(scope);
  }
  const std::vector<std::string> resources =
      request.resources.empty() ? std::vector<std::string>{std::string(auth::kMcpResource),
                                                           std::string(auth::kApiResource)}
                                : request.resources;
  const OAuthClient& client = stored.client;
  boost::json::object answer{
      {"client",
       {{"id", client.id},
        {"name", client.name},
        {"logo", stored.logoData ? boost::json::value(*stored.logoData) : nullptr},
        {"clientUri", client.clientUri ? boost::json::value(*client.clientUri) : nullptr},
        {"verified", client.kind == OAuthClientKind::MetadataDocument}}},
      {"redirectUri", request.redirectUri},
      {"redirectHost", redirectHostOf(request.redirectUri)},
      {"state", request.state ? boost::json::value(*request.state) : nullptr},
      {"codeChallenge", request.codeChallenge},
      {"scopes", jsonStrings(scopes)},
      {"resources", jsonStrings(resources)},
      {"maxLifetimeDays", policy_.maxGrantDays},
      {"denyTo", bounce("access_denied", "")}};
  if (!problem.empty()) {
    answer["problem"] = problem;
    answer["denyTo"] = bounce("invalid_request", problem);
  }
  return answer;
}

boost::json::value OAuthService::registerClient(const ClientRegistrationInput& input,
                                                const ClientInfo& requester) {
  if (!policy_.registrationOpen) {
    throw http::ApiError(403, "registration_disabled",
                         "This server does not register apps: the app must identify itself with a "
                         "client metadata document (an https URL as its client_id).");
  }
  if (const auto wait = registrations_.admitAttempt(requester.ip)) {
    throw http::tooManyRequests("too_many_requests",
                                "Too many app registrations from this address.", *wait);
  }
  const OAuthClient client{
      "dcr_" + randomBase62(24), OAuthClientKind::Registered, input.name, input.logoUri,
      input.clientUri,           input.redirectUris,          nowMillis()};
  database_.write([&](store::Session& session) { insertClient(session, client); });
  boost::json::object answer{{"client_id", client.id},
                             {"client_id_issued_at", client.createdAt / 1000},
                             {"client_name", client.name},
                             {"redirect_uris", jsonStrings(client.redirectUris)},
                             {"grant_types", {"authorization_code", "refresh_token"}},
                             {"response_types", {"code"}},
                             {"token_endpoint_auth_method", "none"}};
  if (client.logoUri) answer["logo_uri"] = *client.logoUri;
  if (client.clientUri) answer["client_uri"] = *client.clientUri;
  return answer;
}

std::string OAuthService::consent(const std::string& userId, const ConsentInput& input,
                                  const ClientInfo& client) {
  if (input.lifetimeDays > policy_.maxGrantDays) {
    throw http::badRequest("invalid_field", "This server lets a grant last at most " +
                                                std::to_string(policy_.maxGrantDays) + " days.");
  }
  if (!auth::isWellFormedS256Challenge(input.codeChallenge)) {
    throw http::badRequest("invalid_request",
                           "The code challenge must be an S256 challenge: the base64url SHA-256 "
                           "of the client's code verifier (43 characters).");
  }
  documents_.refresh(input.clientId);
  const std::string code = randomBase62(kCodeLength);
  const UnixMillis now = nowMillis();
  database_.write([&](store::Session& session) {
    requireClientFor(session, input.clientId, input.redirectUri, policy_.allowedClientsOnly);
    requireReachable(session, userId, input.spaceIds, input.baseIds);
    insertCode(session, {auth::sha256Hex(code), input.clientId, userId, input.redirectUri,
                         input.codeChallenge, input.scopes, input.spaceIds, input.baseIds,
                         input.resources, now + input.lifetimeDays * kMillisPerDay, now,
                         now + policy_.codeLifetime, std::nullopt, ""});
    recordEvent(session, "oauth.consented", userId, "", client, input.clientId);
  });
  std::vector<std::pair<std::string, std::string>> params{{"code", code}};
  if (input.state) params.emplace_back("state", *input.state);
  return withQueryParams(input.redirectUri, params);
}

boost::json::value OAuthService::exchange(const TokenRequest& request, const ClientInfo& client) {
  if (const auto* code = std::get_if<CodeExchangeInput>(&request)) {
    return exchangeCode(*code, client);
  }
  return exchangeRefresh(std::get<RefreshInput>(request), client);
}

boost::json::value OAuthService::exchangeCode(const CodeExchangeInput& input,
                                              const ClientInfo& client) {
  if (!auth::isWellFormedCodeVerifier(input.codeVerifier)) {
    throw http::badRequest("invalid_request",
                           "code_verifier must be 43 to 128 letters, digits or - . _ ~ (PKCE).");
  }
  const std::string codeHash = auth::sha256Hex(input.code);
  std::optional<std::string> refusal;  // invalid_grant, after what was written is committed
  boost::json::value response;
  database_.write([&](store::Session& session) {
    refusal.reset();
    const UnixMillis now = nowMillis();
    const auto code = loadCode(session, codeHash);
    if (!code) {
      refusal = "This authorization code is not known to this server.";
      return;
    }
    if (code->usedAt) {
      if (!code->grantId.empty() && auth::revokeGrant(session, code->grantId, now, "code_reused")) {
        recordEvent(session, "oauth.code_reused", code->userId, code->grantId, client,
                    code->clientId);
      }
      refusal =
          "This authorization code was used before, so the tokens issued with it are revoked. "
          "Start the authorization again.";
      return;
    }
    if (now >= code->expiresAt) {
      refusal = "This authorization code expired (codes last a minute). Start again.";
      return;
    }
    if (code->clientId != input.clientId) {
      refusal = "This authorization code was issued to another client.";
      return;
    }
    if (code->redirectUri != input.redirectUri) {
      refusal = "redirect_uri is not the one the code was requested with.";
      return;
    }
    if (!auth::codeVerifierMatches(input.codeVerifier, code->codeChallenge)) {
      refusal = "code_verifier does not match the code challenge (PKCE).";
      return;
    }
    requireResources(input.resources, code->resources);
    const OAuthGrant grant{newGrantId(),        code->userId,  code->clientId,  code->scopes,
                           code->spaceIds,      code->baseIds, code->resources, now,
                           code->grantExpiresAt};
    insertGrant(session, grant);
    markCodeUsed(session, codeHash, now, grant.id);
    response =
        issueTokens(session, grant.id, grant.scopes,
                    grant.expiresAt.value_or(now + policy_.maxGrantDays * kMillisPerDay), policy_);
    recordEvent(session, "oauth.granted", grant.userId, grant.id, client, grant.clientId);
  });
  if (refusal) throw http::badRequest("invalid_grant", *refusal);
  return response;
}

boost::json::value OAuthService::exchangeRefresh(const RefreshInput& input,
                                                 const ClientInfo& client) {
  const auto parsed = auth::parseToken(input.refreshToken);
  if (!parsed || parsed->kind != auth::TokenKind::OAuthRefresh) {
    throw http::badRequest("invalid_grant",
                           "This is not a refresh token of this server (tsr_ort_...).");
  }
  const std::string secretHash = auth::sha256Hex(parsed->secret);
  std::optional<std::string> refusal;
  boost::json::value response;
  database_.write([&](store::Session& session) {
    refusal.reset();
    const UnixMillis now = nowMillis();
    const auto token = auth::loadOAuthToken(session, parsed->id, auth::TokenKind::OAuthRefresh);
    if (!token || !auth::constantTimeEquals(token->secretHash, secretHash)) {
      refusal = "This refresh token is not known to this server.";
      return;
    }
    if (token->clientId != input.clientId) {
      refusal = "This refresh token was issued to another client.";
      return;
    }
    if (token->grantRevokedAt) {
      refusal = "Access for this app was revoked. Connect it again.";
      return;
    }
    const auto reused = [&] {
      auth::revokeGrant(session, token->grantId, now, "refresh_reused");
      recordEvent(session, "oauth.refresh_reused", token->userId, token->grantId, client,
                  token->clientId);
      refusal =
          "This refresh token was used before: it may have been stolen, so access for this app "
          "is revoked. Connect it again.";
    };
    if (token->usedAt) return reused();
    // Refusals that leave the refresh token unspent, so it works again once
    // the account is enabled again.
    const UnixMillis grantEnd = token->grantExpiresAt.value_or(token->expiresAt);
    if (now >= token->expiresAt || now >= grantEnd) {
      refusal = "This grant has ended. Connect the app again.";
      return;
    }
    if (token->userDisabled) {
      refusal = "The account that gave this access has been disabled.";
      return;
    }
    if (!markRefreshTokenUsed(session, parsed->id, now)) return reused();
    requireResources(input.resources, token->resources);
    response = issueTokens(session, token->grantId, token->scopes, grantEnd, policy_);
    recordEvent(session, "oauth.refreshed", token->userId, token->grantId, client, token->clientId);
  });
  if (refusal) throw http::badRequest("invalid_grant", *refusal);
  return response;
}

boost::json::value OAuthService::listGrants(const std::string& userId) {
  return database_.read([&](store::Session& session) {
    boost::json::array grants;
    for (const ListedGrant& listed : loadLiveGrants(session, {userId, {}}, nowMillis())) {
      grants.push_back(grantJson(session, listed, lastUsed_, false));
    }
    return boost::json::value{{"grants", std::move(grants)}};
  });
}

boost::json::value OAuthService::grantEvents(const std::string& userId,
                                             const std::string& grantId) {
  return database_.read([&](store::Session& session) {
    requireOwnGrant(session, userId, grantId);
    return audit::AuditLog::eventsOfToken(session, grantId);
  });
}

boost::json::value OAuthService::listAllGrants(const GrantFilter& filter) {
  return database_.read([&](store::Session& session) {
    boost::json::array grants;
    for (const ListedGrant& listed : loadLiveGrants(session, filter, nowMillis())) {
      grants.push_back(grantJson(session, listed, lastUsed_, true));
    }
    return boost::json::value{{"grants", std::move(grants)}};
  });
}

void OAuthService::revokeGrantAsAdmin(const std::string& adminId, const std::string& grantId,
                                      const ClientInfo& client) {
  database_.write([&](store::Session& session) {
    const auto owner = grantOwner(session, grantId);
    if (!owner) throw http::ApiError(404, "grant_not_found", "There is no grant with this id.");
    if (auth::revokeGrant(session, grantId, nowMillis(), "revoked_by_admin")) {
      audit::AuditLog::record(session,
                              {"oauth.revoked", *owner, grantId, client.ip, client.userAgent,
                               boost::json::object{{"by", "admin"}, {"adminId", adminId}}});
    }
  });
}

boost::json::value OAuthService::listClients() {
  return database_.read([&](store::Session& session) {
    boost::json::array clients;
    for (const ListedClient& listed : loadClients(session, nowMillis())) {
      clients.push_back(clientJson(listed));
    }
    return boost::json::value{{"clients", std::move(clients)}};
  });
}

boost::json::value OAuthService::setClientStatus(const std::string& adminId,
                                                 const std::string& clientId, ClientStatus status,
                                                 const ClientInfo& client) {
  return database_.write([&](store::Session& session) {
    const UnixMillis now = nowMillis();
    if (!features::setClientStatus(session, clientId, status, now)) {
      throw http::ApiError(404, "client_not_found", "No app with this client id is known here.");
    }
    if (status == ClientStatus::Blocked) {
      for (const ListedGrant& listed : loadLiveGrants(session, {{}, clientId}, now)) {
        auth::revokeGrant(session, listed.grant.id, now, "client_blocked");
        audit::AuditLog::record(session, {"oauth.revoked", listed.grant.userId, listed.grant.id,
                                          client.ip, client.userAgent,
                                          boost::json::object{{"clientId", clientId},
                                                              {"by", "admin"},
                                                              {"adminId", adminId},
                                                              {"reason", "client_blocked"}}});
      }
    }
    return boost::json::value(clientJson(loadClients(session, now, clientId).at(0)));
  });
}

void OAuthService::revokeGrantOf(const std::string& userId, const std::string& grantId,
                                 const ClientInfo& client) {
  database_.write([&](store::Session& session) {
    requireOwnGrant(session, userId, grantId);
    if (auth::revokeGrant(session, grantId, nowMillis(), "revoked_by_user")) {
      recordEvent(session, "oauth.revoked", userId, grantId, client, "");
    }
  });
}

void OAuthService::revoke(const RevokeInput& input, const ClientInfo& client) {
  const auto parsed = auth::parseToken(input.token);
  if (!parsed || parsed->kind == auth::TokenKind::Personal) return;
  const std::string secretHash = auth::sha256Hex(parsed->secret);
  database_.write([&](store::Session& session) {
    const auto owner = auth::ownerOfOAuthToken(session, parsed->id, secretHash);
    if (!owner || (input.clientId && *input.clientId != owner->clientId)) return;
    if (auth::revokeGrant(session, owner->grantId, nowMillis(), "revoked_by_client")) {
      recordEvent(session, "oauth.revoked", owner->userId, owner->grantId, client, owner->clientId);
    }
  });
}

}  // namespace tessera::features
