#include "auth/pkce.h"

#include <sodium.h>

#include <algorithm>

#include "auth/digest.h"
#include "common/base64_url.h"

namespace tessera::auth {
namespace {

bool isUnreserved(char c) {
  const bool alphanumeric =
      (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return alphanumeric || c == '-' || c == '.' || c == '_' || c == '~';
}

}  // namespace

bool isWellFormedCodeVerifier(std::string_view verifier) {
  return verifier.size() >= 43 && verifier.size() <= 128 &&
         std::all_of(verifier.begin(), verifier.end(), isUnreserved);
}

bool isWellFormedS256Challenge(std::string_view challenge) {
  const auto decoded = fromBase64Url(challenge);
  return challenge.size() == 43 && decoded && decoded->size() == crypto_hash_sha256_BYTES;
}

bool codeVerifierMatches(std::string_view verifier, std::string_view challenge) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()),
                     verifier.size());
  const std::string computed =
      toBase64Url(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
  return constantTimeEquals(computed, challenge);
}

}  // namespace tessera::auth
