// The rules of OAuth 2.1 with Tessera as its own authorization server:
// registering a public client (RFC 7591), turning a user's consent into a
// one-time authorization code bound to the client, its redirect URI and a
// PKCE challenge, exchanging that code for a grant and its first tokens,
// rotating refresh tokens (a reused one revokes the whole grant), and
// revocation (RFC 7009). A grant carries what a personal access token
// carries (scopes, spaces and bases, an end) plus the resources its tokens
// may be used on; the verifier (auth/token_verifier.h) enforces it.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "auth/attempt_limiter.h"
#include "common/clock.h"
#include "features/oauth/client_documents.h"
#include "features/oauth/oauth_input.h"
#include "features/oauth/oauth_store.h"
#include "features/tokens/token_service.h"
#include "store/database.h"

namespace tessera::features {

struct OAuthPolicy {
  UnixMillis accessTokenLifetime = 60 * 60 * 1000;  // one hour
  UnixMillis codeLifetime = 60 * 1000;              // one minute
  std::int64_t maxGrantDays = 366;                  // --max-token-lifetime-days
  bool registrationOpen = true;                     // --disable-oauth-registration
  bool allowedClientsOnly = false;                  // --oauth-allowed-clients-only
  std::size_t registrationsPerMinute = 10;          // per client address
  ClientDocumentPolicy clientDocuments;
};

class OAuthService {
 public:
  OAuthService(store::Database& database, const auth::LastUsedTracker& lastUsed, OAuthPolicy policy)
      : database_(database),
        lastUsed_(lastUsed),
        policy_(policy),
        documents_(database, policy.clientDocuments),
        registrations_(policy.registrationsPerMinute, std::chrono::seconds(60)) {}

  // Registers a public client; returns the RFC 7591 answer (client_id,
  // client_name, redirect_uris, ...). Refuses 403 registration_disabled
  // when the operator turned registration off, and 429 too_many_requests
  // past the registrations allowed per address and minute.
  boost::json::value registerClient(const ClientRegistrationInput& input, const ClientInfo& client);

  // What the consent page shows of an authorization request: the client
  // (name, logo, home page, whether it identified itself with a metadata
  // document), the redirect URI and its host, the scopes and resources
  // asked for, the longest lifetime allowed, and "denyTo" (where "Deny"
  // sends the browser: the redirect URI with error=access_denied). A
  // request the app got wrong (response_type not "code", no S256
  // challenge) has "problem" set, and "denyTo" carries invalid_request.
  // A client id that is a URL names a metadata document, fetched (or
  // taken from the cache) first: see ClientDocuments::refresh for its
  // refusals. Refuses 400 unknown_client, 403 client_blocked, 403
  // client_not_allowed (the server connects only clients an admin allowed)
  // and 400 invalid_redirect_uri: then the browser is sent nowhere.
  boost::json::value describeRequest(const AuthorizationRequestInput& request);

  // Records the user's consent and returns where to send the browser: the
  // client's redirect URI with a one-time code and the state. Refuses
  // (ApiError) an unknown or blocked client (400 unknown_client, 403
  // client_blocked), a redirect URI the client did not register (400
  // invalid_redirect_uri), a malformed challenge (400 invalid_request), a
  // lifetime beyond the policy (400 invalid_field) and a space or base the
  // user cannot reach (400 invalid_resource).
  std::string consent(const std::string& userId, const ConsentInput& input,
                      const ClientInfo& client);

  // Exchanges a code or a refresh token for tokens; returns the RFC 6749
  // token response. Refuses with ApiError 400 invalid_grant (the code or
  // refresh token is unknown, used, expired, revoked, or belongs to
  // another client or redirect URI; the PKCE verifier does not match),
  // invalid_request or invalid_target. A code or refresh token used a
  // second time revokes the grant it was exchanged for.
  boost::json::value exchange(const TokenRequest& request, const ClientInfo& client);

  // Settings › Connected apps: the user's live grants, newest first, with
  // their client, scopes, spaces and bases (named), resources, creation,
  // last use (what has not been written yet included) and end.
  boost::json::value listGrants(const std::string& userId);
  // Revokes one of the user's grants at once. Refuses 404 grant_not_found
  // for a grant that is not theirs (or not there).
  void revokeGrantOf(const std::string& userId, const std::string& grantId,
                     const ClientInfo& client);

  // The history of one of the user's grants (consent, grant, refreshes,
  // reuse, revocation), newest first, as a token's history is shown.
  // Refuses 404 grant_not_found for a grant that is not theirs.
  boost::json::value grantEvents(const std::string& userId, const std::string& grantId);

  // Instance admin: the live grants of the instance (of one user or one
  // client when the filter says), each with its user.
  boost::json::value listAllGrants(const GrantFilter& filter);
  // Instance admin: revokes any grant at once (its owner's history says
  // so). Refuses 404 grant_not_found.
  void revokeGrantAsAdmin(const std::string& adminId, const std::string& grantId,
                          const ClientInfo& client);
  // Instance admin: every client (registered or named by its document)
  // with its redirect URIs, the admin's decision and its live grants.
  boost::json::value listClients();
  // Instance admin: allows, blocks or un-reviews a client and returns it
  // as listClients lists it. Blocking also revokes every live grant of the
  // client at once. Refuses 404 client_not_found.
  boost::json::value setClientStatus(const std::string& adminId, const std::string& clientId,
                                     ClientStatus status, const ClientInfo& client);

  // Revokes the grant of an access or refresh token; quietly does nothing
  // for a token it does not know or of another client (RFC 7009 §2.2).
  void revoke(const RevokeInput& input, const ClientInfo& client);

 private:
  boost::json::value exchangeCode(const CodeExchangeInput& input, const ClientInfo& client);
  boost::json::value exchangeRefresh(const RefreshInput& input, const ClientInfo& client);

  store::Database& database_;
  const auth::LastUsedTracker& lastUsed_;
  OAuthPolicy policy_;
  ClientDocuments documents_;
  auth::AttemptLimiter registrations_;
};

}  // namespace tessera::features
