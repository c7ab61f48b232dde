#include "auth/token_format.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace tessera::auth {
namespace {

TEST(TokenFormatTest, EveryKindRoundTripsAndMatchesThePublishedPattern) {
  const std::regex published("tsr_(pat|oat|ort)_[0-9A-Za-z]{50}");
  for (const auto& [kind, prefix] :
       {std::pair{TokenKind::Personal, "tsr_pat_"}, std::pair{TokenKind::OAuthAccess, "tsr_oat_"},
        std::pair{TokenKind::OAuthRefresh, "tsr_ort_"}}) {
    const std::string id = newTokenId();
    const std::string secret = newTokenSecret();
    const std::string token = makeToken(kind, id, secret);
    EXPECT_EQ(token.size(), kTokenLength);
    EXPECT_TRUE(token.starts_with(prefix)) << token;
    EXPECT_TRUE(std::regex_match(token, published)) << token;
    EXPECT_TRUE(mentionsToken("?x=" + token));
    const auto parsed = parseToken(token);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->kind, kind);
    EXPECT_EQ(parsed->id, id);
    EXPECT_EQ(parsed->secret, secret);
    EXPECT_EQ(tokenIdForAudit(token), id);
  }
  EXPECT_FALSE(mentionsToken("tsr_xyz_ and ghp_"));
}

TEST(TokenFormatTest, AnotherKindsPrefixBreaksTheChecksum) {
  const std::string personal = makeToken(TokenKind::Personal, newTokenId(), newTokenSecret());
  EXPECT_FALSE(parseToken("tsr_oat_" + personal.substr(kTokenPrefixLength)));
  EXPECT_FALSE(parseToken("tsr_ort_" + personal.substr(kTokenPrefixLength)));
}

TEST(TokenFormatTest, SecretsCarryAtLeast160BitsAndDoNotRepeat) {
  EXPECT_GE(kTokenSecretLength * 5.954, 160.0);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(seen.insert(newTokenSecret()).second);
}

TEST(TokenFormatTest, EveryMalformedShapeIsRefused) {
  const std::string good = makeToken(TokenKind::Personal, newTokenId(), newTokenSecret());
  std::vector<std::string> bad = {
      "",
      "tsr_pat_",
      good.substr(0, good.size() - 1),
      good + "0",
      "tsr_PAT_" + good.substr(8),
      "ghp_" + good.substr(4),
      " " + good.substr(1),
      good.substr(0, 20) + "-" + good.substr(21),
      good.substr(0, 30) + "\xc3\xa9" + good.substr(32),
  };
  // Every single-character change breaks the checksum.
  for (std::size_t i = kTokenPrefixLength; i < good.size(); ++i) {
    std::string changed = good;
    changed[i] = changed[i] == 'a' ? 'b' : 'a';
    bad.push_back(changed);
  }
  // So does swapping two neighbours.
  for (std::size_t i = kTokenPrefixLength; i + 1 < good.size(); ++i) {
    std::string swapped = good;
    std::swap(swapped[i], swapped[i + 1]);
    if (swapped != good) bad.push_back(swapped);
  }
  for (const std::string& value : bad) EXPECT_FALSE(parseToken(value)) << value;
}

TEST(TokenFormatTest, TheAuditSeesTheIdOfAMistypedToken) {
  const std::string id = newTokenId();
  std::string token = makeToken(TokenKind::OAuthRefresh, id, newTokenSecret());
  token.back() = token.back() == 'x' ? 'y' : 'x';
  EXPECT_EQ(tokenIdForAudit(token), id);
  EXPECT_EQ(tokenIdForAudit("garbage"), "");
}

}  // namespace
}  // namespace tessera::auth
