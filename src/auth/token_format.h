// The personal access token format: "tsr_pat_" + a 12-character public id
// + a 32-character secret (190 bits from the CSPRNG) + a 6-character
// CRC32 checksum, all base62 so a double-click selects the whole token.
// Secret scanners match it with: tsr_pat_[0-9A-Za-z]{50}
// The checksum lets the server refuse a mistyped or made-up token without
// a database read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tessera::auth {

inline constexpr std::string_view kTokenPrefix = "tsr_pat_";
inline constexpr std::size_t kTokenIdLength = 12;
inline constexpr std::size_t kTokenSecretLength = 32;
inline constexpr std::size_t kTokenChecksumLength = 6;
inline constexpr std::size_t kTokenLength =
    kTokenPrefix.size() + kTokenIdLength + kTokenSecretLength + kTokenChecksumLength;

struct ParsedToken {
  std::string id;
  std::string secret;
};

// A fresh token value for the token `id` (or a new id when empty).
std::string makeToken(const std::string& id, const std::string& secret);
std::string newTokenId();
std::string newTokenSecret();

// nullopt unless `value` has the exact shape and a correct checksum.
std::optional<ParsedToken> parseToken(std::string_view value);

// The id part of something shaped like a token, even with a bad checksum
// (for the audit log); empty when there is none.
std::string tokenIdForAudit(std::string_view value);

}  // namespace tessera::auth
