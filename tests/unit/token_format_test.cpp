#include "auth/token_format.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace tessera::auth {
namespace {

TEST(TokenFormatTest, RoundTripsAndMatchesThePublishedPattern) {
  const std::string id = newTokenId();
  const std::string secret = newTokenSecret();
  const std::string token = makeToken(id, secret);
  EXPECT_EQ(token.size(), kTokenLength);
  EXPECT_TRUE(std::regex_match(token, std::regex("tsr_pat_[0-9A-Za-z]{50}")));
  const auto parsed = parseToken(token);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->id, id);
  EXPECT_EQ(parsed->secret, secret);
}

TEST(TokenFormatTest, SecretsCarryAtLeast160BitsAndDoNotRepeat) {
  EXPECT_GE(kTokenSecretLength * 5.954, 160.0);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(seen.insert(newTokenSecret()).second);
}

TEST(TokenFormatTest, EveryMalformedShapeIsRefused) {
  const std::string good = makeToken(newTokenId(), newTokenSecret());
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
  for (std::size_t i = kTokenPrefix.size(); i < good.size(); ++i) {
    std::string changed = good;
    changed[i] = changed[i] == 'a' ? 'b' : 'a';
    bad.push_back(changed);
  }
  // So does swapping two neighbours.
  for (std::size_t i = kTokenPrefix.size(); i + 1 < good.size(); ++i) {
    std::string swapped = good;
    std::swap(swapped[i], swapped[i + 1]);
    if (swapped != good) bad.push_back(swapped);
  }
  for (const std::string& value : bad) EXPECT_FALSE(parseToken(value)) << value;
}

TEST(TokenFormatTest, TheAuditSeesTheIdOfAMistypedToken) {
  const std::string id = newTokenId();
  std::string token = makeToken(id, newTokenSecret());
  token.back() = token.back() == 'x' ? 'y' : 'x';
  EXPECT_EQ(tokenIdForAudit(token), id);
  EXPECT_EQ(tokenIdForAudit("garbage"), "");
}

}  // namespace
}  // namespace tessera::auth
