// GET /metrics: Prometheus text with requests and latency by route pattern,
// token authentications by outcome and reason, and the database and
// last-used gauges; only for requests from this machine that no proxy
// forwarded.
#include <gtest/gtest.h>

#include <regex>

#include "support/http_client.h"
#include "support/metric_sample.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

TEST(MetricsTest, CountsRequestsByRouteAndTokenAuthenticationsByOutcome) {
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const std::string token(createToken(client, workspace.owner, {"read"}).at("token").as_string());
  const Headers bearer = {{"Authorization", "Bearer " + token}};
  for (int i = 0; i < 3; ++i) client.request("GET", "/api/base/" + workspace.baseId, "", bearer);
  client.request("GET", "/api/space", "",
                 {{"Authorization",
                   "Bearer " + token.substr(0, 20) + std::string(24, 'x') + token.substr(44)}});
  client.request("GET", "/no/such/route.txt");

  const HttpResult metrics = client.request("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200) << metrics.body;
  EXPECT_EQ(metrics.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = metrics.body;
  EXPECT_EQ(
      metricSample(
          text,
          R"(tessera_http_requests_total{route="/api/base/{baseId}",method="GET",status="200"})"),
      3);
  EXPECT_EQ(
      metricSample(text, R"(tessera_token_authentications_total{outcome="accepted",reason=""})"),
      3);
  // The secret was altered, so its checksum fails: refused without a read.
  EXPECT_EQ(
      metricSample(
          text,
          R"(tessera_token_authentications_total{outcome="refused",reason="token_malformed"})"),
      1);
  EXPECT_EQ(
      metricSample(text,
                   R"(tessera_http_requests_total{route="unmatched",method="GET",status="404"})"),
      1);
  EXPECT_EQ(metricSample(
                text, R"(tessera_http_request_duration_seconds_count{route="/api/base/{baseId}"})"),
            3);
  EXPECT_EQ(
      metricSample(
          text,
          R"(tessera_http_request_duration_seconds_bucket{route="/api/base/{baseId}",le="+Inf"})"),
      3);
  EXPECT_GE(metricSample(text, "tessera_database_idle_connections"), 0);
  EXPECT_EQ(metricSample(text, "tessera_database_write_retries_total"), 0) << "nothing conflicted";
  EXPECT_GE(metricSample(text, "tessera_requests_run_again_total"), 0);
  EXPECT_EQ(metricSample(text, "tessera_last_used_pending"), 1)
      << "one token used, not yet flushed";
  EXPECT_GE(metricSample(text, "tessera_last_used_flush_lag_seconds"), 0);

  const std::string again = client.request("GET", "/metrics").body;
  EXPECT_EQ(
      metricSample(again,
                   R"(tessera_http_requests_total{route="/metrics",method="GET",status="200"})"),
      1);
}

TEST(MetricsTest, RefusedUnlessFromThisMachineAndNotForwarded) {
  TestServer server;
  HttpClient client(server.port());
  for (const char* header : {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
    const HttpResult forwarded = client.request("GET", "/metrics", "", {{header, "203.0.113.9"}});
    EXPECT_EQ(forwarded.status, 404) << header;
    EXPECT_EQ(forwarded.errorCode(), "not_found");
  }
}

}  // namespace
}  // namespace tessera::testing
