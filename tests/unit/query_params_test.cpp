#include "http/query_params.h"

#include <gtest/gtest.h>

#include "http/api_error.h"

namespace tessera::http {
namespace {

std::string refusal(std::string_view query, std::initializer_list<std::string_view> allowed,
                    std::string_view read = "") {
  try {
    const QueryParams params(query, allowed);
    if (!read.empty()) {
      params.single(read);
      params.integer(read, 1, 1000);
    }
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status(), 400);
    return error.code();
  }
  return "accepted";
}

TEST(QueryParamsTest, ValuesAreDecodedAndListsKeepTheirOrder) {
  const QueryParams params("search=caf%C3%A9%20au%20lait&projection%5B%5D=a&projection=b&flag",
                           {"search", "projection", "flag"});
  EXPECT_EQ(params.single("search"), "café au lait");
  EXPECT_EQ(params.all("projection"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(params.single("flag"), "");
  EXPECT_EQ(params.single("other"), std::nullopt);
  EXPECT_TRUE(QueryParams("", {}).all("x").empty());
}

TEST(QueryParamsTest, IntegersAreCheckedAgainstTheirRange) {
  const QueryParams params("take=25&skip=-1", {"take", "skip"});
  EXPECT_EQ(params.integer("take", 1, 1000), 25);
  EXPECT_EQ(params.integer("missing", 1, 1000), std::nullopt);
  EXPECT_THROW(params.integer("skip", 0, 10), ApiError);
  EXPECT_EQ(refusal("take=12abc", {"take"}, "take"), "invalid_parameter");
  EXPECT_EQ(refusal("take=99999999999999999999", {"take"}, "take"), "invalid_parameter");
}

TEST(QueryParamsTest, UnknownRepeatedAndMalformedParametersAreRefused) {
  EXPECT_EQ(refusal("tkae=5", {"take"}), "unknown_parameter");
  EXPECT_EQ(refusal("take=1&take=2", {"take"}, "take"), "invalid_parameter");
  EXPECT_EQ(refusal("take=%zz", {"take"}), "invalid_parameter");
}

}  // namespace
}  // namespace tessera::http
