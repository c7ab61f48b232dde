#include "app/serving_handler.h"

#include <gtest/gtest.h>

#include <boost/json/value.hpp>

namespace tessera::app {
namespace {

// The application behind: answers every request 204 and counts them.
class CountingApplication final : public http::RequestHandler {
 public:
  http::Response handle(const http::Request&) override {
    ++handled;
    return http::Response::noContent();
  }
  http::Response reject(const http::Request&, const http::ApiError& error) override {
    return http::Response::json(error.status(), {{"rejected", true}});
  }
  int handled = 0;
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

}  // namespace
}  // namespace tessera::app
