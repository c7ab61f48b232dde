// The web app as the server delivers it: index.html for every app route
// with the page security headers, hashed assets cached forever, ETag
// revalidation, gzip, and nothing outside the embedded files reachable.
#include <gtest/gtest.h>

#include <regex>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

class WebAppTest : public ::testing::Test {
 protected:
  TestServer server;
  HttpClient client{server.port()};

  std::string scriptPath() {
    const std::string index = client.request("GET", "/").body;
    std::smatch match;
    EXPECT_TRUE(std::regex_search(index, match, std::regex("src=\"(/assets/[^\"]+\\.js)\"")))
        << index;
    return match.size() > 1 ? match[1].str() : "";
  }
};

void expectAppShell(const HttpResult& result) {
  EXPECT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(result.body.find("<div id=\"root\"></div>"), std::string::npos);
  const std::string policy = result.header("content-security-policy");
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
  EXPECT_EQ(result.header("x-frame-options"), "DENY");
  EXPECT_EQ(result.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(result.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(result.header("cache-control"), "no-cache");
}

TEST_F(WebAppTest, EveryAppRouteGetsTheAppShell) {
  for (const char* path :
       {"/", "/signin", "/base/bse123/table/tbl456", "/settings/personal-access-token"}) {
    SCOPED_TRACE(path);
    expectAppShell(client.request("GET", path));
  }
}

TEST_F(WebAppTest, AssetsAreCachedForeverAndRevalidatedByEtag) {
  const std::string script = scriptPath();
  const HttpResult asset = client.request("GET", script);
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");
  ASSERT_FALSE(asset.header("etag").empty());

  const HttpResult again =
      client.request("GET", script, "", {{"If-None-Match", asset.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(WebAppTest, GzipWhenTheClientAcceptsIt) {
  const std::string script = scriptPath();
  const HttpResult plain = client.request("GET", script);
  const HttpResult zipped = client.request("GET", script, "", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(zipped.header("content-encoding"), "gzip");
  EXPECT_EQ(zipped.header("vary"), "Accept-Encoding");
  EXPECT_LT(zipped.body.size(), plain.body.size() / 2);
  EXPECT_EQ(plain.header("content-encoding"), "");
}

TEST_F(WebAppTest, NothingOutsideTheEmbeddedFilesIsReachable) {
  for (const char* path :
       {"/assets/missing.js", "/../../etc/passwd", "/assets/..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd", "/index.html/..", "/.env", "/web/package.json",
        "/src/main.tsx", "/base/x?y", "/a%00b"}) {
    SCOPED_TRACE(path);
    const HttpResult result = client.request("GET", path);
    EXPECT_EQ(result.body.find("root:"), std::string::npos);
    if (result.status == 200) {
      expectAppShell(result);
    } else {
      EXPECT_EQ(result.status, 404) << result.body;
      EXPECT_EQ(result.json().at("code").as_string(), "not_found");
    }
  }
}

TEST_F(WebAppTest, ApiPathsAreNeverAnsweredByTheApp) {
  const HttpResult unknown = client.request("GET", "/api/no-such-thing");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/json");
  EXPECT_EQ(unknown.header("content-security-policy"),
            "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(client.request("GET", "/healthz").header("content-type"), "application/json");
  EXPECT_EQ(client.request("POST", "/signin").status, 404);
}

}  // namespace
}  // namespace tessera::testing
