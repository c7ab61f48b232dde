#include "app/serving_handler.h"

#include <gtest/gtest.h>

#include <boost/json/value.hpp>

namespace tessera::app {
namespace {

// The application behind: answers /quick at once (202), every other
// request 204 from handle(), and counts both.
class CountingApplication final : public http::RequestHandler {
 public:
  std::optional<http::Response> quickAnswer(const http::Request& request) override {
    if (request.path != "/quick") return std::nullopt;
    ++answeredAtOnce;
    return http::Response::json(202, {{"quick", true}});
  }
  http::Response handle(const http::Request&) override {
    ++handled;
    return http::Response::noContent();
  }
  http::Response reject(const http::Request&, const http::ApiError& error) override {
    return http::Response::json(error.status(), {{"rejected", true}});
  }
  int handled = 0;
  int answeredAtOnce = 0;
};

http::Request get(const std::string& path) {
  http::Request request;
  request.method = "GET";
  request.path = path;
  return request;
}

TEST(ServingHandlerTest, WhileStartingItIsAliveButNotReady) {
  ServingHandler serving;
  EXPECT_EQ(serving.handle(get("/healthz")).status, 200);
  EXPECT_EQ(serving.handle(get("/readyz")).status, 503);
  const http::Response api = serving.handle(get("/api/space"));
  EXPECT_EQ(api.status, 503);
  EXPECT_NE(api.body.find("\"starting\""), std::string::npos) << api.body;
}

TEST(ServingHandlerTest, OnceServingEveryRequestGoesToTheApplication) {
  ServingHandler serving;
  CountingApplication application;
  serving.serveWith(application);
  for (const char* path : {"/healthz", "/readyz", "/api/space"}) {
    EXPECT_EQ(serving.handle(get(path)).status, 204) << path;
  }
  EXPECT_EQ(application.handled, 3);
  EXPECT_NE(serving.reject(get("/x"), http::ApiError(431, "header_too_large", "big"))
                .body.find("rejected"),
            std::string::npos);
}

TEST(ServingHandlerTest, DrainingAnswersReadinessAndServesTheRest) {
  ServingHandler serving;
  CountingApplication application;
  serving.serveWith(application);
  serving.startDraining();
  const http::Response ready = serving.handle(get("/readyz"));
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find("\"draining\""), std::string::npos) << ready.body;
  EXPECT_EQ(serving.handle(get("/healthz")).status, 204);
  EXPECT_EQ(serving.handle(get("/api/space")).status, 204);
  EXPECT_EQ(application.handled, 2);
}

TEST(ServingHandlerTest, WhileStartingEveryAnswerIsQuick) {
  ServingHandler serving;
  for (const char* path : {"/healthz", "/readyz", "/api/space", "/quick"}) {
    const auto quick = serving.quickAnswer(get(path));
    ASSERT_TRUE(quick.has_value()) << path;
    EXPECT_EQ(quick->status, serving.handle(get(path)).status) << path;
  }
}

TEST(ServingHandlerTest, OnceServingTheApplicationDecidesWhatIsQuick) {
  ServingHandler serving;
  CountingApplication application;
  serving.serveWith(application);
  EXPECT_FALSE(serving.quickAnswer(get("/api/space")).has_value());
  const auto quick = serving.quickAnswer(get("/quick"));
  ASSERT_TRUE(quick.has_value());
  EXPECT_EQ(quick->status, 202);
  EXPECT_EQ(application.answeredAtOnce, 1);
  EXPECT_EQ(application.handled, 0);
  serving.startDraining();
  const auto draining = serving.quickAnswer(get("/readyz"));
  ASSERT_TRUE(draining.has_value());
  EXPECT_EQ(draining->status, 503);
}

}  // namespace
}  // namespace tessera::app
