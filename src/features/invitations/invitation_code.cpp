#include "features/invitations/invitation_code.h"

#include <algorithm>
#include <cctype>

#include "auth/digest.h"
#include "common/random.h"

namespace tessera::features {
namespace {

constexpr std::size_t kSecretLength = 40;

}  // namespace

std::string newInvitationCode() {
  return std::string(kInvitationCodePrefix) + randomBase62(kSecretLength);
}

std::optional<std::string> invitationCodeDigest(std::string_view code) {
  if (code.size() != kInvitationCodePrefix.size() + kSecretLength ||
      !code.starts_with(kInvitationCodePrefix)) {
    return std::nullopt;
  }
  const std::string_view secret = code.substr(kInvitationCodePrefix.size());
  if (!std::ranges::all_of(secret, [](unsigned char c) { return std::isalnum(c) != 0; })) {
    return std::nullopt;
  }
  return auth::sha256Hex(code);
}

}  // namespace tessera::features
