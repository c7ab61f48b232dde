// Proof Key for Code Exchange (RFC 7636), the S256 method only: the client
// sends BASE64URL(SHA-256(verifier)) with the authorization request and the
// verifier with the code; a stolen code is useless without the verifier.
#pragma once

#include <string_view>

namespace tessera::auth {

// Whether `verifier` is 43-128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1).
bool isWellFormedCodeVerifier(std::string_view verifier);

// Whether `challenge` has the shape of an S256 challenge (43 base64url
// characters: a SHA-256 without padding).
bool isWellFormedS256Challenge(std::string_view challenge);

// Whether `verifier` is the one `challenge` was made from, compared in
// constant time.
bool codeVerifierMatches(std::string_view verifier, std::string_view challenge);

}  // namespace tessera::auth
