// Base64url without padding (RFC 4648 §5), as URLs, cursors and PKCE
// challenges (RFC 7636) carry bytes; and plain padded base64 (§4), as
// data: URIs do.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tessera {

std::string toBase64Url(std::string_view bytes);
std::string toBase64(std::string_view bytes);

// nullopt unless `text` is unpadded base64url.
std::optional<std::string> fromBase64Url(std::string_view text);

}  // namespace tessera
