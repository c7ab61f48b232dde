#include "app/memory_release.h"

#include <gtest/gtest.h>

namespace tessera::app {
namespace {

struct CountingRelease {
  int released = 0;
  IdleMemoryRelease release{[this] { ++released; }};
};

TEST(IdleMemoryReleaseTest, ReleasesOnceOnTheFirstTickWithoutNewRequests) {
  CountingRelease counting;
  counting.release.tick(0);  // the first tick has nothing to compare with
  EXPECT_EQ(counting.released, 0);
  counting.release.tick(0);
  EXPECT_EQ(counting.released, 1);
  counting.release.tick(0);
  counting.release.tick(0);
  EXPECT_EQ(counting.released, 1) << "an idle server is shrunk once, not every tick";
}

TEST(IdleMemoryReleaseTest, NeverReleasesWhileRequestsKeepComing) {
  CountingRelease counting;
  for (std::uint64_t answered = 0; answered < 100; answered += 7) counting.release.tick(answered);
  EXPECT_EQ(counting.released, 0);
}

TEST(IdleMemoryReleaseTest, ReleasesAgainAfterTheNextBusySpell) {
  CountingRelease counting;
  counting.release.tick(5);
  counting.release.tick(5);
  counting.release.tick(9);
  EXPECT_EQ(counting.released, 1);
  counting.release.tick(9);
  EXPECT_EQ(counting.released, 2);
}

}  // namespace
}  // namespace tessera::app
