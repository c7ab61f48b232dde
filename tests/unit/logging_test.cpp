#include "app/logging.h"

#include <gtest/gtest.h>

namespace tessera::app {
namespace {

TEST(LoggingTest, LogfmtValuesAreQuotedAndEscaped) {
  EXPECT_EQ(logfmtValue("/api/space"), "/api/space");
  EXPECT_EQ(logfmtValue("a b"), "\"a b\"");
  EXPECT_EQ(logfmtValue("x\"y\nz"), "\"x\\\"y\\x0az\"");
  EXPECT_EQ(logfmtValue(""), "\"\"");
}

}  // namespace
}  // namespace tessera::app
