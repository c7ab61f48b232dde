#include "http/request.h"

#include <gtest/gtest.h>

namespace tessera::http {
namespace {

Request withHeaders(HeaderList headers) {
  Request request;
  request.headers = std::move(headers);
  return request;
}

TEST(RequestTest, HeadersAreFoundIgnoringCase) {
  const Request request = withHeaders({{"Content-Type", "application/json"}, {"X-A", ""}});
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("CONTENT-TYPE"), "application/json");
  EXPECT_TRUE(request.hasHeader("x-a"));
  EXPECT_EQ(request.header("x-a"), "");
  EXPECT_FALSE(request.hasHeader("authorization"));
  EXPECT_EQ(request.header("authorization"), "");
}

TEST(RequestTest, CookiesAreReadByExactNameFromEveryCookieHeader) {
  const Request request = withHeaders(
      {{"Cookie", "theme=dark;  tessera_session = abc ; x=1=2"}, {"cookie", "tessera_csrf=def"}});
  EXPECT_EQ(request.cookie("tessera_session"), "abc");
  EXPECT_EQ(request.cookie("x"), "1=2");
  EXPECT_EQ(request.cookie("tessera_csrf"), "def");
  EXPECT_EQ(request.cookie("tessera"), std::nullopt) << "no prefix match";
  EXPECT_EQ(withHeaders({}).cookie("theme"), std::nullopt);
  EXPECT_EQ(withHeaders({{"Cookie", ";;novalue;"}}).cookie("novalue"), std::nullopt);
}

}  // namespace
}  // namespace tessera::http
