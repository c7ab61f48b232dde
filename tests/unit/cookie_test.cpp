#include "http/cookie.h"

#include <gtest/gtest.h>

namespace tessera::http {
namespace {

TEST(CookieTest, ASessionCookieIsHttpOnlyAndSameSiteLax) {
  const std::string value = setCookieValue("tessera_session", "abc", {});
  EXPECT_TRUE(value.starts_with("tessera_session=abc")) << value;
  EXPECT_NE(value.find("HttpOnly"), std::string::npos) << value;
  EXPECT_NE(value.find("SameSite=Lax"), std::string::npos) << value;
  EXPECT_NE(value.find("Path=/"), std::string::npos) << value;
  EXPECT_EQ(value.find("Secure"), std::string::npos) << value;
  EXPECT_EQ(value.find("Max-Age"), std::string::npos) << value;
}

TEST(CookieTest, SecureMaxAgeAndScriptReadableCookiesSaySo) {
  const std::string csrf = setCookieValue("tessera_csrf", "x", {false, true, 3600});
  EXPECT_EQ(csrf.find("HttpOnly"), std::string::npos) << csrf;
  EXPECT_NE(csrf.find("Secure"), std::string::npos) << csrf;
  EXPECT_NE(csrf.find("Max-Age=3600"), std::string::npos) << csrf;
  const std::string gone = setCookieValue("tessera_session", "", {true, false, 0});
  EXPECT_NE(gone.find("Max-Age=0"), std::string::npos) << gone;
}

}  // namespace
}  // namespace tessera::http
