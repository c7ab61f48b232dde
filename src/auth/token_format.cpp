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

}  // namespace

std::string newTokenId() { return randomBase62(kTokenIdLength); }
std::string newTokenSecret() { return randomBase62(kTokenSecretLength); }

std::string makeToken(const std::string& id, const std::string& secret) {
  std::string body = std::string(kTokenPrefix) + id + secret;
  return body + checksum(body);
}

std::optional<ParsedToken> parseToken(std::string_view value) {
  if (value.size() != kTokenLength || !value.starts_with(kTokenPrefix)) return std::nullopt;
  const std::string_view rest = value.substr(kTokenPrefix.size());
  if (!isBase62(rest)) return std::nullopt;
  const std::string_view body = value.substr(0, kTokenLength - kTokenChecksumLength);
  if (checksum(body) != value.substr(body.size())) return std::nullopt;
  return ParsedToken{std::string(rest.substr(0, kTokenIdLength)),
                     std::string(rest.substr(kTokenIdLength, kTokenSecretLength))};
}

std::string tokenIdForAudit(std::string_view value) {
  if (!value.starts_with(kTokenPrefix) || value.size() < kTokenPrefix.size() + kTokenIdLength) {
    return {};
  }
  const std::string_view id = value.substr(kTokenPrefix.size(), kTokenIdLength);
  return isBase62(id) ? std::string(id) : std::string();
}

}  // namespace tessera::auth
