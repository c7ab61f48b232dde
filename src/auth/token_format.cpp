#include "auth/token_format.h"

#include <boost/crc.hpp>

#include "common/random.h"

namespace tessera::auth {
namespace {

constexpr std::string_view kAlphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

bool isBase62(std::string_view text) {
  for (const char c : text) {
    const bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z';
    if (!digit && !upper && !(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

// CRC32 of the prefix, id and secret, as 6 base62 digits (62^6 > 2^32).
std::string checksum(std::string_view body) {
  boost::crc_32_type crc;
  crc.process_bytes(body.data(), body.size());
  std::uint64_t value = crc.checksum();
  std::string digits(kTokenChecksumLength, '0');
  for (std::size_t i = kTokenChecksumLength; i-- > 0;) {
    digits[i] = kAlphabet[value % 62];
    value /= 62;
  }
  return digits;
}

constexpr TokenKind kKinds[] = {TokenKind::Personal, TokenKind::OAuthAccess,
                                TokenKind::OAuthRefresh};

std::optional<TokenKind> kindOf(std::string_view value) {
  for (const TokenKind kind : kKinds) {
    if (value.starts_with(tokenPrefix(kind))) return kind;
  }
  return std::nullopt;
}

}  // namespace

std::string_view tokenPrefix(TokenKind kind) {
  switch (kind) {
    case TokenKind::Personal:
      return "tsr_pat_";
    case TokenKind::OAuthAccess:
      return "tsr_oat_";
    case TokenKind::OAuthRefresh:
      return "tsr_ort_";
  }
  return "tsr_pat_";  // not reached: the switch names every kind
}

std::string newTokenId() { return randomBase62(kTokenIdLength); }
std::string newTokenSecret() { return randomBase62(kTokenSecretLength); }

std::string makeToken(TokenKind kind, const std::string& id, const std::string& secret) {
  std::string body = std::string(tokenPrefix(kind)) + id + secret;
  return body + checksum(body);
}

std::optional<ParsedToken> parseToken(std::string_view value) {
  const auto kind = kindOf(value);
  if (!kind || value.size() != kTokenLength) return std::nullopt;
  const std::string_view rest = value.substr(kTokenPrefixLength);
  if (!isBase62(rest)) return std::nullopt;
  const std::string_view body = value.substr(0, kTokenLength - kTokenChecksumLength);
  if (checksum(body) != value.substr(body.size())) return std::nullopt;
  return ParsedToken{*kind, std::string(rest.substr(0, kTokenIdLength)),
                     std::string(rest.substr(kTokenIdLength, kTokenSecretLength))};
}

bool mentionsToken(std::string_view text) {
  for (const TokenKind kind : kKinds) {
    if (text.find(tokenPrefix(kind)) != std::string_view::npos) return true;
  }
  return false;
}

std::string tokenIdForAudit(std::string_view value) {
  if (!kindOf(value) || value.size() < kTokenPrefixLength + kTokenIdLength) return {};
  const std::string_view id = value.substr(kTokenPrefixLength, kTokenIdLength);
  return isBase62(id) ? std::string(id) : std::string();
}

}  // namespace tessera::auth
