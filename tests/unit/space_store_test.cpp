#include "features/spaces/space_store.h"

#include <gtest/gtest.h>

#include "workspace_database.h"

namespace tessera::features {
namespace {

TEST(SpaceStoreTest, ASpaceIsReadBackAndListedForItsMembersOnly) {
  testing::WorkspaceDatabase db;
  db.database.read([&](store::Session& session) {
    const auto space = loadSpace(session, "spc1");
    ASSERT_TRUE(space);
    EXPECT_EQ(space->name, "Research");
    EXPECT_EQ(space->createdBy, "usr1");
    EXPECT_EQ(space->createdAt, 10);
    EXPECT_FALSE(loadSpace(session, "spcNone"));

    const auto ada = loadSpacesOfUser(session, "usr1");
    ASSERT_EQ(ada.size(), 1u);
    EXPECT_EQ(ada[0].space.id, "spc1");
    EXPECT_EQ(ada[0].role, "owner");
    EXPECT_TRUE(loadSpacesOfUser(session, db.bob).empty());
  });
}

TEST(SpaceStoreTest, RenamingKeepsTheCreationTimeAndDeletingTakesTheBases) {
  testing::WorkspaceDatabase db;
  db.database.write([](store::Session& session) { renameSpace(session, "spc1", "Lab", 99); });
  db.database.read([](store::Session& session) {
    const auto space = loadSpace(session, "spc1");
    EXPECT_EQ(space->name, "Lab");
    EXPECT_EQ(space->createdAt, 10);
    EXPECT_EQ(space->updatedAt, 99);
  });
  db.database.write([](store::Session& session) { deleteSpace(session, "spc1"); });
  db.database.read([](store::Session& session) {
    EXPECT_FALSE(loadSpace(session, "spc1"));
    EXPECT_FALSE(loadBase(session, "bse1")) << "its bases go with it";
    EXPECT_TRUE(loadSpacesOfUser(session, "usr1").empty()) << "and its collaborators";
  });
}

}  // namespace
}  // namespace tessera::features
