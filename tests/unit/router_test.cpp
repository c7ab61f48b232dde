#include "http/router.h"

#include <gtest/gtest.h>

#include "http/api_error.h"

namespace tessera::http {
namespace {

Handler answer(int status) {
  return [status](RequestContext&) {
    Response response;
    response.status = status;
    return response;
  };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router.add("GET", "/api/space", access::signedIn(), answer(1));
    router.add("POST", "/api/space", access::signedIn(), answer(2));
    router.add("GET", "/api/space/{spaceId}", access::onSpace(access::Action::SpaceRead),
               answer(3));
    router.add("DELETE", "/api/space/{spaceId}/collaborator/{userId}",
               access::onSpace(access::Action::MemberRead), answer(4));
  }

  int call(const std::string& method, const std::string& path, PathParams& params) {
    Request request;
    RequestContext ctx{request, "req", {}, std::nullopt, {}, access::Role::None, {}};
    auto matched = router.match(method, path, params);
    if (auto* refusal = std::get_if<ApiError>(&matched)) throw *refusal;
    return std::get<const Route*>(matched)->handler(ctx).status;
  }

  Router router;
};

TEST_F(RouterTest, MatchesMethodAndPath) {
  PathParams params;
  EXPECT_EQ(call("GET", "/api/space", params), 1);
  EXPECT_EQ(call("POST", "/api/space", params), 2);
  EXPECT_TRUE(params.empty());
}

TEST_F(RouterTest, ExtractsAndDecodesPathParameters) {
  PathParams params;
  EXPECT_EQ(call("DELETE", "/api/space/spc1/collaborator/usr%41", params), 4);
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0], (std::pair<std::string, std::string>{"spaceId", "spc1"}));
  EXPECT_EQ(params[1], (std::pair<std::string, std::string>{"userId", "usrA"}));
}

TEST_F(RouterTest, UnknownPathIs404) {
  PathParams params;
  for (const char* path : {"/api/spaces", "/api/space/", "/api/space/a/b", "/", "/api"}) {
    try {
      call("GET", path, params);
      FAIL() << path << " matched";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.status(), 404) << path;
      EXPECT_EQ(error.code(), "not_found");
    }
  }
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  PathParams params;
  try {
    call("PUT", "/api/space", params);
    FAIL();
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status(), 405);
    EXPECT_EQ(error.code(), "method_not_allowed");
    ASSERT_EQ(error.headers().size(), 1u);
    EXPECT_EQ(error.headers()[0].first, "Allow");
    EXPECT_EQ(error.headers()[0].second, "GET, POST");
  }
}

TEST_F(RouterTest, InvalidPercentEncodingDoesNotMatch) {
  PathParams params;
  EXPECT_THROW(call("GET", "/api/space/%zz", params), ApiError);
}

}  // namespace
}  // namespace tessera::http
