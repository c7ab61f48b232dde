#include "store/sqlite/serving_lock.h"

#include <gtest/gtest.h>

#include <optional>

#include "store/store_error.h"
#include "temp_dir.h"

namespace tessera::store {
namespace {

TEST(ServingLockTest, ServersShareAFileAndARestoreWaitsForNone) {
  testing::TempDir dir;
  const std::string file = dir.file("tessera.db");
  std::optional<ServingLock> first(std::in_place, file, ServingLock::Mode::Serving);
  ServingLock second(file, ServingLock::Mode::Serving);
  EXPECT_THROW(ServingLock(file, ServingLock::Mode::Exclusive), StoreError);
  first.reset();
  EXPECT_THROW(ServingLock(file, ServingLock::Mode::Exclusive), StoreError)
      << "one server still runs";
}

TEST(ServingLockTest, NoServerStartsDuringARestore) {
  testing::TempDir dir;
  const std::string file = dir.file("tessera.db");
  {
    ServingLock restore(file, ServingLock::Mode::Exclusive);
    try {
      ServingLock server(file, ServingLock::Mode::Serving);
      ADD_FAILURE() << "a server started during a restore";
    } catch (const StoreError& error) {
      EXPECT_NE(std::string(error.what()).find("restore is running"), std::string::npos);
    }
  }
  EXPECT_NO_THROW(ServingLock(file, ServingLock::Mode::Serving)) << "free once the restore ends";
}

}  // namespace
}  // namespace tessera::store
