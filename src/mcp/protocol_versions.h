// The MCP protocol revisions Tessera speaks, in one list: the revisions of
// the initialize handshake (oldest first), and the stateless revision in
// which every request carries its version in _meta. Every place that
// negotiates, checks or names a version reads it from here.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace tessera::mcp {

inline constexpr std::array<std::string_view, 4> kHandshakeProtocolVersions = {
    "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"};
inline constexpr std::string_view kNewestProtocolVersion = kHandshakeProtocolVersions.back();
inline constexpr std::string_view kStatelessProtocolVersion = "2026-07-28";

// Whether `version` is a handshake revision or the stateless one.
bool isSupportedProtocolVersion(std::string_view version);

// Every supported revision, comma-separated, for messages.
std::string supportedProtocolVersionList();

}  // namespace tessera::mcp
