#include "http/static_site.h"

#include <gtest/gtest.h>

#include <array>

namespace tessera::http {
namespace {

const std::array<StaticFile, 2> kFiles = {{
    {"/index.html", "<html>app</html>", "", "\"i1\""},
    {"/assets/app-3f2a.js", "console.log(1)", "GZIPPED", "\"a1\""},
}};

Request get(std::string path, HeaderList headers = {}) {
  Request request;
  request.method = "GET";
  request.path = std::move(path);
  request.headers = std::move(headers);
  return request;
}

TEST(StaticSiteTest, FilesAreServedByTheirExactNameWithCaching) {
  const StaticSite site(kFiles);
  const auto script = site.serve(get("/assets/app-3f2a.js"));
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body, "console.log(1)");
  EXPECT_EQ(script->header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(script->header("ETag"), "\"a1\"");
  const auto zipped = site.serve(get("/assets/app-3f2a.js", {{"Accept-Encoding", "br, gzip"}}));
  EXPECT_EQ(zipped->body, "GZIPPED");
  EXPECT_EQ(zipped->header("Content-Encoding"), "gzip");
  const auto unchanged = site.serve(get("/assets/app-3f2a.js", {{"If-None-Match", "\"a1\""}}));
  EXPECT_EQ(unchanged->status, 304);
}

TEST(StaticSiteTest, AppRoutesGetTheIndexWithItsContentSecurityPolicy) {
  const StaticSite site(kFiles);
  for (const char* path : {"/", "/base/bse123", "/settings/tokens"}) {
    const auto page = site.serve(get(path));
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(page->body, "<html>app</html>") << path;
    EXPECT_EQ(page->header("Content-Security-Policy"), StaticSite::kPagePolicy) << path;
    EXPECT_EQ(page->header("Cache-Control"), "no-cache") << path;
  }
}

TEST(StaticSiteTest, TheServersOwnPathsAndOddNamesAreNotTheSites) {
  const StaticSite site(kFiles);
  for (const char* path : {"/api/space", "/api", "/mcp", "/healthz", "/missing.js",
                           "/../etc/passwd", "/assets/%2e%2e/x"}) {
    EXPECT_FALSE(site.serve(get(path))) << path;
  }
  Request post = get("/");
  post.method = "POST";
  EXPECT_FALSE(site.serve(post));
}

}  // namespace
}  // namespace tessera::http
