// The Tessera token format family: a kind prefix ("tsr_pat_" for personal
// access tokens, "tsr_oat_" for OAuth access tokens, "tsr_ort_" for OAuth
// refresh tokens) + a 12-character public id + a 32-character secret (190
// bits from the CSPRNG) + a 6-character CRC32 checksum of all before it,
// base62 so a double-click selects the whole token.
// Secret scanners match every kind with: tsr_(pat|oat|ort)_[0-9A-Za-z]{50}
// The checksum lets the server refuse a mistyped or made-up token without
// a database read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tessera::auth {

enum class TokenKind { Personal, OAuthAccess, OAuthRefresh };

inline constexpr std::size_t kTokenPrefixLength = 8;  // "tsr_" + 3 letters + "_"
inline constexpr std::size_t kTokenIdLength = 12;
inline constexpr std::size_t kTokenSecretLength = 32;
inline constexpr std::size_t kTokenChecksumLength = 6;
inline constexpr std::size_t kTokenLength =
    kTokenPrefixLength + kTokenIdLength + kTokenSecretLength + kTokenChecksumLength;

// "tsr_pat_", "tsr_oat_" or "tsr_ort_".
std::string_view tokenPrefix(TokenKind kind);

struct ParsedToken {
  TokenKind kind;
  std::string id;
  std::string secret;
};

// A fresh token value of `kind` for the token `id`.
std::string makeToken(TokenKind kind, const std::string& id, const std::string& secret);
std::string newTokenId();
std::string newTokenSecret();

// nullopt unless `value` has the exact shape of one kind and a correct
// checksum.
std::optional<ParsedToken> parseToken(std::string_view value);

// Whether `text` contains something that starts like a Tessera token (for
// refusing tokens where they must never be sent, such as URLs).
bool mentionsToken(std::string_view text);

// The id part of something shaped like a token, even with a bad checksum
// (for the audit log); empty when there is none.
std::string tokenIdForAudit(std::string_view value);

}  // namespace tessera::auth
