#include "features/tokens/token_input.h"

#include <gtest/gtest.h>

#include "input_test_support.h"

namespace tessera::features {
namespace {

using testing::refusalOf;

boost::json::value parse(const char* text) { return boost::json::parse(text); }

TEST(TokenInputTest, ANewTokenIsReadWhole) {
  const NewTokenInput token = newTokenFromBody(parse(R"({"name":" CI ","description":"deploys",
      "scopes":["read","record:create","read"],"spaceIds":["spc1"],"baseIds":null,
      "expiresAt":"2027-01-31"})"));
  EXPECT_EQ(token.name, "CI");
  EXPECT_EQ(token.description, "deploys");
  EXPECT_EQ(token.scopes, (std::vector<std::string>{"read", "record:create"}))
      << "duplicates dropped, order kept";
  EXPECT_EQ(token.spaceIds, std::vector<std::string>{"spc1"});
  EXPECT_TRUE(token.baseIds.empty());
  EXPECT_EQ(token.expiry.kind, ExpiryInput::Kind::At);
  EXPECT_EQ(formatRfc3339(token.expiry.at), "2027-01-31T00:00:00.000Z");
}

TEST(TokenInputTest, TheExpiryIsUnsaidNeverOrATime) {
  EXPECT_EQ(newTokenFromBody(parse(R"({"name":"a","scopes":["read"]})")).expiry.kind,
            ExpiryInput::Kind::Unsaid);
  EXPECT_EQ(
      newTokenFromBody(parse(R"({"name":"a","scopes":["read"],"expiresAt":null})")).expiry.kind,
      ExpiryInput::Kind::Never);
  EXPECT_EQ(refreshFromBody(nullptr).kind, ExpiryInput::Kind::Unsaid);
  EXPECT_EQ(refreshFromBody(parse("{}")).kind, ExpiryInput::Kind::Unsaid);
  EXPECT_EQ(refreshFromBody(parse(R"({"expiresAt":"2027-02-01T10:00:00Z"})")).kind,
            ExpiryInput::Kind::At);
  EXPECT_TRUE(refusalOf(refreshFromBody, R"({"expiresAt":"soon"})").starts_with("invalid_expiry"));
  EXPECT_TRUE(refusalOf(refreshFromBody, R"({"scopes":["read"]})").starts_with("unknown_field"));
}

TEST(TokenInputTest, BadNewTokensAreRefusedNamingTheField) {
  EXPECT_TRUE(refusalOf(newTokenFromBody, R"({"scopes":["read"]})").find("'name'") !=
              std::string::npos);
  EXPECT_TRUE(
      refusalOf(newTokenFromBody, R"({"name":"a","scopes":[]})").starts_with("invalid_scope"));
  EXPECT_NE(
      refusalOf(newTokenFromBody, R"({"name":"a","scopes":["root"]})").find("Unknown scope 'root'"),
      std::string::npos);
  EXPECT_TRUE(refusalOf(newTokenFromBody, R"({"name":"a","scopes":["read"],"spaceIds":"spc1"})")
                  .starts_with("invalid_field"));
  EXPECT_TRUE(refusalOf(newTokenFromBody, R"({"name":"a","scopes":["read"],"owner":"me"})")
                  .starts_with("unknown_field"));
}

TEST(TokenInputTest, ChangesCarryOnlyWhatTheBodyNamesAndNeverTheExpiry) {
  const TokenChangesInput rename = tokenChangesFromBody(parse(R"({"name":"Deploy"})"));
  EXPECT_EQ(rename.name, "Deploy");
  EXPECT_FALSE(rename.description || rename.scopes || rename.spaceIds || rename.baseIds);
  const TokenChangesInput widen =
      tokenChangesFromBody(parse(R"({"spaceIds":[],"scopes":["admin"]})"));
  EXPECT_EQ(widen.spaceIds, std::vector<std::string>{});
  EXPECT_EQ(widen.scopes, std::vector<std::string>{"admin"});
  EXPECT_NE(
      refusalOf(tokenChangesFromBody, R"({"expiresAt":"2027-01-01"})").find("refresh the token"),
      std::string::npos);
}

TEST(TokenInputTest, ALeakReportHoldsAtMostAHundredValues) {
  EXPECT_EQ(leakedTokensFromBody(parse(R"({"tokens":["a","b","a"]})")),
            (std::vector<std::string>{"a", "b"}));
  std::string many = R"({"tokens":[)";
  for (int i = 0; i <= 100; ++i) many += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
  many += "]}";
  EXPECT_TRUE(refusalOf(leakedTokensFromBody, many.c_str()).starts_with("invalid_field"));
}

}  // namespace
}  // namespace tessera::features
