#include "features/oauth/client_documents.h"

#include <algorithm>
#include <array>
#include <optional>

#include "common/base64_url.h"
#include "features/oauth/client_id_url.h"
#include "features/oauth/oauth_store.h"
#include "http/api_error.h"
#include "net/document_fetch.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxDocumentBytes = 5 * 1024;
constexpr std::size_t kMaxLogoBytes = 64 * 1024;
constexpr long kFetchTimeoutMillis = 5000;
constexpr std::array<std::string_view, 4> kLogoTypes{"image/png", "image/jpeg", "image/gif",
                                                     "image/webp"};

// "image/png; charset=..." -> "image/png".
std::string_view mediaTypeOf(std::string_view contentType) {
  return contentType.substr(0, contentType.find(';'));
}

std::optional<std::string> fetchLogo(const std::optional<std::string>& logoUri,
                                     const net::FetchLimits& documentLimits, bool allowLoopback) {
  if (!logoUri || clientIdUrlProblem(*logoUri, allowLoopback)) return std::nullopt;
  net::FetchLimits limits = documentLimits;
  limits.maxBytes = kMaxLogoBytes;
  const auto fetched = net::fetchDocument(*logoUri, limits);
  const auto* logo = std::get_if<net::FetchedDocument>(&fetched);
  if (!logo) return std::nullopt;
  const std::string_view type = mediaTypeOf(logo->contentType);
  if (std::find(kLogoTypes.begin(), kLogoTypes.end(), type) == kLogoTypes.end()) {
    return std::nullopt;
  }
  return "data:" + std::string(type) + ";base64," + toBase64(logo->body);
}

}  // namespace

void ClientDocuments::refresh(const std::string& clientId) {
  if (!isClientIdUrl(clientId)) return;
  const UnixMillis now = nowMillis();
  const auto stored =
      database_.read([&](store::Session& session) { return loadClient(session, clientId); });
  if (stored && (stored->status == ClientStatus::Blocked ||
                 (stored->fetchedAt && now - *stored->fetchedAt < policy_.cacheLifetime))) {
    return;
  }
  if (const auto problem = clientIdUrlProblem(clientId, policy_.allowLoopback)) {
    throw http::badRequest("invalid_client_metadata",
                           "The client id " + clientId + " cannot name an app: " + *problem + ".");
  }
  const net::FetchLimits limits{kMaxDocumentBytes, kFetchTimeoutMillis, policy_.allowLoopback,
                                policy_.caFile};
  const auto fetched = net::fetchDocument(clientId, limits);
  if (const auto* failure = std::get_if<net::FetchFailure>(&fetched)) {
    throw http::badRequest("client_document_unavailable",
                           "Tessera could not read the app's metadata document at " + clientId +
                               ": " + failure->message + ".");
  }
  const ClientRegistrationInput described =
      clientFromDocument(std::get<net::FetchedDocument>(fetched).body, clientId);
  const OAuthClient client{clientId,
                           OAuthClientKind::MetadataDocument,
                           described.name,
                           described.logoUri,
                           described.clientUri,
                           described.redirectUris,
                           stored ? stored->client.createdAt : now};
  const auto logo = fetchLogo(described.logoUri, limits, policy_.allowLoopback);
  database_.write([&](store::Session& session) { saveDocumentClient(session, client, logo, now); });
}

}  // namespace tessera::features
