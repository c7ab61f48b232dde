#include "common/random.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <set>
#include <thread>
#include <vector>

namespace tessera {
namespace {

TEST(RandomTest, Base62HasTheLengthAndAlphabetAsked) {
  const std::string value = randomBase62(500);
  ASSERT_EQ(value.size(), 500u);
  for (const char c : value) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << c;
}

TEST(RandomTest, IdsCarryTheirPrefixAndDoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) {
    const std::string id = newId("spc");
    ASSERT_EQ(id.rfind("spc", 0), 0u);
    ASSERT_EQ(id.size(), 23u);  // 3 + 20 chars = 119 random bits
    ASSERT_TRUE(seen.insert(id).second) << "repeated id " << id;
  }
}

TEST(RandomTest, TimeOrderedIdsSortByTheirTimeAndDifferWithin) {
  const std::vector<std::string> sameMillisecond =
      newTimeOrderedIds("rec", 1'700'000'000'000, 1000);
  ASSERT_EQ(sameMillisecond.size(), 1000u);
  const std::string& early = sameMillisecond[0];
  EXPECT_EQ(early.size(), newId("rec").size());
  EXPECT_EQ(early.substr(0, 3), "rec");
  for (const char c : early.substr(3)) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)));
  // 1,700,000,000,000 = "Tvcokgi" in base62, padded to 8 characters.
  EXPECT_EQ(early.substr(3, 8), "0Tvcokgi");
  EXPECT_EQ(newTimeOrderedIds("rec", 0, 1).at(0).substr(3, 8), "00000000");
  const std::set<std::string> distinct(sameMillisecond.begin(), sameMillisecond.end());
  EXPECT_EQ(distinct.size(), 1000u) << "the random part repeated";
  // Ordered by time whatever their random parts, across carries too.
  for (const std::int64_t millis :
       {1'700'000'000'001LL, 1'700'000'000'062LL, 1'800'000'000'000LL}) {
    EXPECT_LT(*distinct.rbegin(), newTimeOrderedIds("rec", millis, 1).at(0)) << millis;
  }
}

TEST(RandomTest, EveryBase62CharacterAppears) {
  const std::string value = randomBase62(20000);
  std::set<char> distinct(value.begin(), value.end());
  EXPECT_EQ(distinct.size(), 62u);
}

TEST(RandomTest, EveryBase62CharacterIsEquallyLikely) {
  // 620,000 characters: each of the 62 expected 10,000 times (sigma ~ 100).
  // A modulo bias from 256 % 62 would give the first 8 characters 25% more.
  const std::string value = randomBase62(620000);
  std::map<char, int> counts;
  for (const char c : value) ++counts[c];
  for (const auto& [character, count] : counts) {
    EXPECT_NEAR(count, 10000, 600) << character;
  }
}

TEST(RandomTest, ThreadsDrawIdsThatNeverMeet) {
  // Each thread keeps a buffer of random bytes: they must be its own.
  std::vector<std::vector<std::string>> drawn(4);
  std::vector<std::thread> threads;
  for (auto& ids : drawn) {
    threads.emplace_back([&ids] {
      for (int i = 0; i < 2000; ++i) ids.push_back(newId("req"));
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> distinct;
  for (const auto& ids : drawn) distinct.insert(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), 8000u);
}

TEST(RandomTest, AChildProcessDrawsOtherIdsThanItsParent) {
  (void)newId("req");  // this thread's buffer now holds bytes the child inherits
  int channel[2];
  ASSERT_EQ(pipe(channel), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string id = newId("req");
    const auto written = write(channel[1], id.data(), id.size());
    _exit(written == static_cast<ssize_t>(id.size()) ? 0 : 1);
  }
  const std::string parentId = newId("req");
  std::string childId(parentId.size(), '\0');
  ASSERT_EQ(read(channel[0], childId.data(), childId.size()), static_cast<ssize_t>(childId.size()));
  int status = 0;
  waitpid(child, &status, 0);
  close(channel[0]);
  close(channel[1]);
  EXPECT_NE(childId, parentId);
}

}  // namespace
}  // namespace tessera
