#include "features/link_secret.h"

#include <algorithm>
#include <cctype>

#include "auth/digest.h"
#include "common/random.h"

namespace tessera::features {
namespace {

constexpr std::size_t kRandomLength = 40;

}  // namespace

std::string newLinkSecret(std::string_view prefix) {
  return std::string(prefix) + randomBase62(kRandomLength);
}

std::optional<std::string> linkSecretDigest(std::string_view prefix, std::string_view secret) {
  if (secret.size() != prefix.size() + kRandomLength || !secret.starts_with(prefix)) {
    return std::nullopt;
  }
  const std::string_view random = secret.substr(prefix.size());
  if (!std::ranges::all_of(random, [](unsigned char c) { return std::isalnum(c) != 0; })) {
    return std::nullopt;
  }
  return auth::sha256Hex(secret);
}

}  // namespace tessera::features
