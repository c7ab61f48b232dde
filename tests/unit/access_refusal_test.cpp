#include "http/access_refusal.h"

#include <gtest/gtest.h>

namespace tessera::http {
namespace {

TEST(AccessRefusalTest, ARefusalKeepsItsStatusCodeMessageAndChallenge) {
  const access::Decision scope{false, 403, "insufficient_scope", "needs record:create",
                               "Bearer realm=\"tessera\", error=\"insufficient_scope\""};
  const ApiError error = refusalError(scope);
  EXPECT_EQ(error.status(), 403);
  EXPECT_EQ(error.code(), "insufficient_scope");
  EXPECT_STREQ(error.what(), "needs record:create");
  ASSERT_EQ(error.headers().size(), 1u);
  EXPECT_EQ(error.headers()[0].first, "WWW-Authenticate");

  const ApiError missing = refusalError({false, 404, "not_found", "Base not found.", ""});
  EXPECT_TRUE(missing.headers().empty()) << "no empty challenge header";
}

TEST(AccessRefusalTest, AHandlerGetsTheRoleOrTheRefusal) {
  EXPECT_EQ(allowedRoleOrThrow({{true, 200, "", "", ""}, access::Role::Editor}),
            access::Role::Editor);
  try {
    allowedRoleOrThrow({{false, 403, "forbidden", "no", ""}, access::Role::None});
    FAIL() << "a refusal was let through";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status(), 403);
    EXPECT_EQ(error.code(), "forbidden");
  }
}

}  // namespace
}  // namespace tessera::http
