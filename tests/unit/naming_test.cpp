#include "features/naming.h"

#include <gtest/gtest.h>

#include "http/api_error.h"
#include "store/store_error.h"

namespace tessera::features {
namespace {

http::Request jsonRequest(std::string body) {
  http::Request request;
  request.method = "PATCH";
  request.headers.emplace_back("content-type", "application/json");
  request.body = std::move(body);
  return request;
}

TEST(NamingTest, ANameBodyHoldsOneTrimmedNameOfAtMostAHundredCharacters) {
  EXPECT_EQ(nameFromBody(jsonRequest(R"({"name":"  Research "})")), "Research");
  EXPECT_THROW(nameFromBody(jsonRequest(R"({"name":""})")), http::ApiError);
  EXPECT_THROW(nameFromBody(jsonRequest(R"({"name":"a","color":"red"})")), http::ApiError);
  EXPECT_THROW(nameFromBody(jsonRequest("{\"name\":\"" + std::string(101, 'x') + "\"}")),
               http::ApiError);
  EXPECT_EQ(nameFromBody(jsonRequest("{\"name\":\"" + std::string(100, 'x') + "\"}")).size(), 100u);
}

TEST(NamingTest, ATakenNameBecomesAConflictAndOtherFailuresPassThrough) {
  try {
    writeUniqueName("view_name_taken", "This table already has a view named 'A'.", [] {
      throw store::StoreError(store::StoreError::Kind::UniqueViolation, "UNIQUE failed");
    });
    FAIL();
  } catch (const http::ApiError& error) {
    EXPECT_EQ(error.status(), 409);
    EXPECT_EQ(error.code(), "view_name_taken");
    EXPECT_STREQ(error.what(), "This table already has a view named 'A'.");
  }
  EXPECT_THROW(
      writeUniqueName(
          "x", "y", [] { throw store::StoreError(store::StoreError::Kind::Unavailable, "busy"); }),
      store::StoreError);
  bool wrote = false;
  writeUniqueName("x", "y", [&] { wrote = true; });
  EXPECT_TRUE(wrote);
}

}  // namespace
}  // namespace tessera::features
