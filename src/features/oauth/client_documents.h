// Keeps the stored copy of each metadata-document client (a client whose
// id is the https URL of a document describing it; client_id_url.h)
// fresh: a copy older than the cache lifetime is fetched again before a
// consent page shows the client or a consent is recorded. The fetch is
// the guarded one of net/document_fetch.h. The client's logo is fetched
// with it (an image of at most 64 KiB: PNG, JPEG, GIF or WebP, never SVG)
// and kept as a data: URI; a logo that cannot be fetched is left out.
#pragma once

#include <string>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct ClientDocumentPolicy {
  // serve --oauth-allow-loopback-clients: documents on the loopback
  // address, http included (tests and development only).
  bool allowLoopback = false;
  // serve --oauth-fetch-ca-file: the certificates to trust instead of the
  // system's when fetching.
  std::string caFile;
  UnixMillis cacheLifetime = 10 * 60 * 1000;
};

class ClientDocuments {
 public:
  ClientDocuments(store::Database& database, ClientDocumentPolicy policy)
      : database_(database), policy_(std::move(policy)) {}

  // Does nothing for a client id that is not a URL, for a blocked client
  // and for a copy younger than the cache lifetime. Otherwise fetches the
  // document and stores what it says. Throws ApiError 400
  // invalid_client_metadata when the URL cannot name a client or the
  // document is wrong (or invalid_redirect_uri), and 400
  // client_document_unavailable when it cannot be fetched (not public,
  // too large, too slow, not 200, unreachable), each saying why.
  void refresh(const std::string& clientId);

 private:
  store::Database& database_;
  ClientDocumentPolicy policy_;
};

}  // namespace tessera::features
