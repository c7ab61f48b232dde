// The secret of a link Tessera hands out (an invitation, a password reset):
// a prefix naming its kind + 40 base62 characters (238 bits from the
// CSPRNG). It travels in the link's fragment (https://host/invite#tsr_inv_...),
// which browsers never send to a server, and is stored only as its SHA-256
// digest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tessera::features {

inline constexpr std::string_view kInvitationPrefix = "tsr_inv_";
inline constexpr std::string_view kPasswordResetPrefix = "tsr_pwr_";

std::string newLinkSecret(std::string_view prefix);
// The digest under which the secret is stored; nullopt when `secret` does
// not have the shape of one with `prefix` (so no look-up is needed).
std::optional<std::string> linkSecretDigest(std::string_view prefix, std::string_view secret);

}  // namespace tessera::features
