#include "features/bases/base_store.h"

#include <gtest/gtest.h>

#include "workspace_database.h"

namespace tessera::features {
namespace {

TEST(BaseStoreTest, BasesComeWithTheUsersSpaceRoleAndBaseRole) {
  testing::WorkspaceDatabase db;
  db.database.write([&](store::Session& session) {
    insertBase(session, {"bse2", "spc1", "Archive", "usr1", 30, 30});
    insertCollaborator(session, {access::ResourceKind::Base, "bse2"}, db.bob, access::Role::Editor,
                       40);
  });
  db.database.read([&](store::Session& session) {
    const auto ada = loadBasesOfUser(session, "usr1");
    ASSERT_EQ(ada.size(), 2u);
    EXPECT_EQ(ada[0].base.id, "bse1") << "oldest first";
    EXPECT_EQ(ada[0].spaceRole, access::Role::Owner);
    EXPECT_EQ(ada[0].baseRole, access::Role::None);

    const auto bob = loadBasesOfUser(session, db.bob);
    ASSERT_EQ(bob.size(), 1u) << "only the base Bob was added to";
    EXPECT_EQ(bob[0].base.name, "Archive");
    EXPECT_EQ(bob[0].spaceRole, access::Role::None);
    EXPECT_EQ(bob[0].baseRole, access::Role::Editor);

    const auto inSpace = loadBasesInSpace(session, db.bob, "spc1");
    ASSERT_EQ(inSpace.size(), 2u) << "every base of the space, with Bob's roles";
    EXPECT_EQ(inSpace[0].baseRole, access::Role::None);
  });
}

TEST(BaseStoreTest, RenameAndDelete) {
  testing::WorkspaceDatabase db;
  db.database.write([](store::Session& session) { renameBase(session, "bse1", "Trials", 50); });
  db.database.read([](store::Session& session) {
    const auto base = loadBase(session, "bse1");
    ASSERT_TRUE(base);
    EXPECT_EQ(base->name, "Trials");
    EXPECT_EQ(base->spaceId, "spc1");
    EXPECT_EQ(base->updatedAt, 50);
  });
  db.database.write([](store::Session& session) { deleteBase(session, "bse1"); });
  db.database.read([](store::Session& session) { EXPECT_FALSE(loadBase(session, "bse1")); });
}

}  // namespace
}  // namespace tessera::features
