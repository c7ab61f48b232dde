// The secret of an invitation link: "tsr_inv_" + 40 base62 characters
// (238 bits from the CSPRNG). It travels in the link's fragment
// (https://host/invite#tsr_inv_...), which browsers never send to a
// server, and is stored only as its SHA-256 digest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tessera::features {

inline constexpr std::string_view kInvitationCodePrefix = "tsr_inv_";

std::string newInvitationCode();
// The digest under which the code is stored; nullopt when `code` does not
// have the shape of an invitation code (so no look-up is needed).
std::optional<std::string> invitationCodeDigest(std::string_view code);

}  // namespace tessera::features
