#include "http/error_response.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace tessera::http {
namespace {

TEST(ErrorResponseTest, EveryErrorHasTheOneShapeAndItsHeaders) {
  const Response response =
      errorResponse(ApiError(405, "method_not_allowed", "Use GET.").withHeader("Allow", "GET"));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("Allow"), "GET");
  const boost::json::value body = boost::json::parse(response.body);
  EXPECT_EQ(body.at("status").as_int64(), 405);
  EXPECT_EQ(body.at("code").as_string(), "method_not_allowed");
  EXPECT_EQ(body.at("message").as_string(), "Use GET.");
  EXPECT_EQ(body.as_object().size(), 3u);
}

TEST(ErrorResponseTest, AMessageQuotingBytesThatAreNotUtf8IsStillJson) {
  const Response response = errorResponse(400, "bad", "Method \xff\xfe is unknown.");
  boost::system::error_code error;
  const boost::json::value body = boost::json::parse(response.body, error);
  ASSERT_FALSE(error) << response.body;
  EXPECT_TRUE(body.at("message").as_string().starts_with("Method "));
}

}  // namespace
}  // namespace tessera::http
