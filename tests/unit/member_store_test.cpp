#include "features/members/member_store.h"

#include <gtest/gtest.h>

#include "store/store_error.h"
#include "workspace_database.h"

namespace tessera::features {
namespace {

const access::ResourceRef kSpace{access::ResourceKind::Space, "spc1"};
const access::ResourceRef kBase{access::ResourceKind::Base, "bse1"};

TEST(MemberStoreTest, CollaboratorsAreListedInTheOrderTheyWereAdded) {
  testing::WorkspaceDatabase db;
  db.database.write([&](store::Session& session) {
    insertCollaborator(session, kSpace, db.bob, access::Role::Viewer, 30);
  });
  db.database.read([&](store::Session& session) {
    const auto all = loadCollaborators(session, kSpace);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].userId, "usr1");
    EXPECT_EQ(all[0].role, "owner");
    EXPECT_EQ(all[1].email, "bob@example.com");
    EXPECT_EQ(all[1].role, "viewer");
    EXPECT_EQ(countSpaceOwners(session, "spc1"), 1);
    EXPECT_TRUE(loadCollaborators(session, kBase).empty()) << "spaces and bases apart";
  });
}

TEST(MemberStoreTest, RolesChangeAndCollaboratorsLeave) {
  testing::WorkspaceDatabase db;
  db.database.write([&](store::Session& session) {
    insertCollaborator(session, kBase, db.bob, access::Role::Commenter, 30);
    updateCollaboratorRole(session, kBase, db.bob, access::Role::Creator);
  });
  db.database.read([&](store::Session& session) {
    EXPECT_EQ(loadCollaborator(session, kBase, db.bob)->role, "creator");
    EXPECT_FALSE(loadCollaborator(session, kBase, "usr1"));
  });
  db.database.write([&](store::Session& session) { deleteCollaborator(session, kBase, db.bob); });
  db.database.read(
      [&](store::Session& session) { EXPECT_FALSE(loadCollaborator(session, kBase, db.bob)); });
}

TEST(MemberStoreTest, AddingSomeoneTwiceIsAUniqueViolation) {
  testing::WorkspaceDatabase db;
  try {
    db.database.write([](store::Session& session) {
      insertCollaborator(session, kSpace, "usr1", access::Role::Editor, 30);
    });
    FAIL() << "added twice";
  } catch (const store::StoreError& error) {
    EXPECT_EQ(error.kind(), store::StoreError::Kind::UniqueViolation);
  }
}

}  // namespace
}  // namespace tessera::features
