#include "mcp/protocol_versions.h"

#include <gtest/gtest.h>

namespace tessera::mcp {
namespace {

TEST(ProtocolVersionsTest, TheHandshakeRevisionsAndTheStatelessOneAreSupported) {
  for (std::string_view version : kHandshakeProtocolVersions) {
    EXPECT_TRUE(isSupportedProtocolVersion(version)) << version;
  }
  EXPECT_TRUE(isSupportedProtocolVersion(kStatelessProtocolVersion));
  EXPECT_EQ(kNewestProtocolVersion, "2025-11-25");
  EXPECT_FALSE(isSupportedProtocolVersion("2024-10-07"));
  EXPECT_FALSE(isSupportedProtocolVersion(""));
}

TEST(ProtocolVersionsTest, TheListForMessagesNamesEachOnceOldestFirst) {
  EXPECT_EQ(supportedProtocolVersionList(),
            "2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28");
}

}  // namespace
}  // namespace tessera::mcp
