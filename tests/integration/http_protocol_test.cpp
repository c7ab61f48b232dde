// The HTTP surface: one error shape, limits, keep-alive, request ids,
// refusal of unsupported credentials, and malformed requests.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

class HttpProtocolTest : public ::testing::Test {
 protected:
  TestServer server{{"--max-body-bytes", "65536"}};
  HttpClient client{server.port()};
};

void expectErrorShape(const HttpResult& result, int status, const std::string& code) {
  EXPECT_EQ(result.status, status) << result.body;
  const auto body = result.json();
  ASSERT_TRUE(body.is_object()) << result.body;
  EXPECT_EQ(body.as_object().size(), 3u) << result.body;
  EXPECT_EQ(body.at("status").as_int64(), status);
  EXPECT_EQ(body.at("code").as_string(), code);
  EXPECT_FALSE(body.at("message").as_string().empty());
  EXPECT_EQ(result.header("content-type"), "application/json");
}

TEST_F(HttpProtocolTest, HealthzAnswersWithARequestId) {
  const HttpResult result = client.request("GET", "/healthz");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.json().at("status").as_string(), "ok");
  EXPECT_EQ(result.header("x-request-id").rfind("req", 0), 0u);
  EXPECT_NE(client.request("GET", "/healthz").header("x-request-id"),
            result.header("x-request-id"));
  EXPECT_NE(server.logText().find("request_id=" + result.header("x-request-id")),
            std::string::npos);
}

TEST_F(HttpProtocolTest, UnknownRouteAndWrongMethod) {
  expectErrorShape(client.request("GET", "/api/nothing-here"), 404, "not_found");
  const HttpResult wrongMethod = client.request("PUT", "/api/space");
  expectErrorShape(wrongMethod, 405, "method_not_allowed");
  EXPECT_EQ(wrongMethod.header("allow"), "GET, POST");
}

TEST_F(HttpProtocolTest, BodyErrorsNameTheProblem) {
  const BrowserUser user = signUp(client, "ada@example.com");
  Headers json = user.headers();
  json.emplace_back("Content-Type", "application/json");

  const HttpResult malformed = client.request("POST", "/api/space", "{\"name\": \"x\",}", json);
  expectErrorShape(malformed, 400, "invalid_json");
  EXPECT_NE(malformed.json().at("message").as_string().find("column"), std::string::npos);

  const HttpResult wrongType = client.request("POST", "/api/space", "{\"name\": [1]}", json);
  expectErrorShape(wrongType, 400, "invalid_field");
  EXPECT_NE(wrongType.json().at("message").as_string().find("'name'"), std::string::npos);

  expectErrorShape(client.request("POST", "/api/space", "{\"name\":\"x\",\"color\":\"red\"}", json),
                   400, "unknown_field");
  expectErrorShape(client.request("POST", "/api/space", "name=x",
                                  {{"Cookie", user.cookieHeader},
                                   {"X-CSRF-Token", user.csrfToken},
                                   {"Content-Type", "application/x-www-form-urlencoded"}}),
                   415, "unsupported_media_type");
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  expectErrorShape(client.request("POST", "/api/space", deep, json), 400, "invalid_json");
  expectErrorShape(client.request("POST", "/api/space", "{\"name\":\"\xc3\x28\"}", json), 400,
                   "invalid_json");
  // None of these created anything.
  EXPECT_TRUE(client.request("GET", "/api/space", "", user.headers())
                  .json()
                  .at("spaces")
                  .as_array()
                  .empty());
}

TEST_F(HttpProtocolTest, OversizedBodyIs413AndTheServerKeepsServing) {
  const std::string big(70000, 'a');
  expectErrorShape(
      client.request("POST", "/api/auth/signin", big, {{"Content-Type", "application/json"}}), 413,
      "body_too_large");
  EXPECT_EQ(client.request("GET", "/healthz").status, 200);
}

TEST_F(HttpProtocolTest, OversizedHeaderIs431) {
  const HttpResult result =
      client.request("GET", "/healthz", "", {{"X-Padding", std::string(17 * 1024, 'p')}});
  expectErrorShape(result, 431, "header_too_large");
}

TEST_F(HttpProtocolTest, MalformedHttpIs400AndNeverA500) {
  const std::string answer = client.raw("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"code\":\"bad_request\""), std::string::npos) << answer;
  const std::string smuggled = client.raw(
      "POST /api/auth/signin HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n"
      "\r\nhello!!");
  EXPECT_EQ(smuggled.rfind("HTTP/1.1 400", 0), 0u) << smuggled;
}

TEST_F(HttpProtocolTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string answer = client.raw(
      request + request + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::size_t responses = 0;
  for (std::size_t at = answer.find("HTTP/1.1 200"); at != std::string::npos;
       at = answer.find("HTTP/1.1 200", at + 1)) {
    ++responses;
  }
  EXPECT_EQ(responses, 3u) << answer;
}

TEST_F(HttpProtocolTest, ExpectContinueIsHonoured) {
  const std::string answer = client.raw(
      "POST /api/auth/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
  EXPECT_EQ(answer.rfind("HTTP/1.1 100 Continue", 0), 0u) << answer;
  EXPECT_NE(answer.find("HTTP/1.1 400"), std::string::npos) << answer;
}

TEST_F(HttpProtocolTest, BearerCredentialsThatAreNotValidAre401) {
  const HttpResult bearer =
      client.request("GET", "/api/space", "", {{"Authorization", "Bearer tsr_pat_nonsense"}});
  expectErrorShape(bearer, 401, "token_malformed");
  EXPECT_NE(bearer.header("www-authenticate").find("error=\"invalid_token\""), std::string::npos);
  expectErrorShape(client.request("GET", "/api/space", "", {{"Authorization", "Basic YTpi"}}), 401,
                   "token_malformed");
}

TEST_F(HttpProtocolTest, ApiResponsesAreNotCached) {
  EXPECT_EQ(client.request("GET", "/healthz").header("cache-control"), "no-store");
}

TEST(HttpTimeoutTest, ASlowClientIsCutOffAtTheRequestTimeout) {
  TestServer server({"--request-timeout-seconds", "1"});
  HttpClient client(server.port());
  const auto started = std::chrono::steady_clock::now();
  // Headers that never end: the server must not wait for them forever.
  const std::string answer = client.raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_LT(waited, std::chrono::seconds(5));
  EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_EQ(client.request("GET", "/healthz").status, 200);
}

}  // namespace
}  // namespace tessera::testing
