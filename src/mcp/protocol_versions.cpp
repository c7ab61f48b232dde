#include "mcp/protocol_versions.h"

#include <algorithm>

namespace tessera::mcp {

bool isSupportedProtocolVersion(std::string_view version) {
  return version == kStatelessProtocolVersion ||
         std::find(kHandshakeProtocolVersions.begin(), kHandshakeProtocolVersions.end(), version) !=
             kHandshakeProtocolVersions.end();
}

std::string supportedProtocolVersionList() {
  std::string list;
  for (std::string_view version : kHandshakeProtocolVersions) {
    list.append(version).append(", ");
  }
  return list.append(kStatelessProtocolVersion);
}

}  // namespace tessera::mcp
