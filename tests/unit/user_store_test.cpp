#include "features/users/user_store.h"

#include <gtest/gtest.h>

#include "http/api_error.h"
#include "user_database.h"

namespace tessera::features {
namespace {

TEST(UserStoreTest, EmailsAreCheckedForShapeAndLookedUpIgnoringCase) {
  EXPECT_TRUE(looksLikeEmail("ada@example.com"));
  for (const char* bad : {"ada", "@example.com", "ada@example", "ada@@example.com", "ada@example.",
                          "a da@example.com", "ada@.com", "ada@x.com;bob"}) {
    EXPECT_FALSE(looksLikeEmail(bad)) << bad;
  }
  EXPECT_EQ(emailKey("  Ada@Example.COM "), "ada@example.com");
}

TEST(UserStoreTest, ANewUsersFieldsAreTrimmedAndChecked) {
  NewUser user{" ada@example.com ", " Ada ", "correct horse"};
  validateNewUser(user);
  EXPECT_EQ(user.email, "ada@example.com");
  EXPECT_EQ(user.name, "Ada");
  for (NewUser bad : {NewUser{"ada", "Ada", "correct horse"}, NewUser{"a@b.co", " ", "long enough"},
                      NewUser{"a@b.co", "Ada", "short"}}) {
    EXPECT_THROW(validateNewUser(bad), http::ApiError) << bad.email << "/" << bad.name;
  }
}

TEST(UserStoreTest, OnlyTheFirstUserIsAdminAndAnEmailIsTakenOnce) {
  testing::TempDir dir;
  store::SqliteDatabase database(dir.file("tessera.db"));
  store::migrate(database);
  database.write([](store::Session& session) {
    EXPECT_FALSE(anyUserExists(session));
    EXPECT_TRUE(insertUser(session, {"ada@example.com", "Ada", ""}, "x").isAdmin);
    EXPECT_TRUE(anyUserExists(session));
    EXPECT_FALSE(insertUser(session, {"bob@example.com", "Bob", ""}, "x").isAdmin);
  });
  try {
    database.write([](store::Session& session) {
      insertUser(session, {"ADA@example.com", "A", ""}, "x");
    });
    FAIL() << "the same email twice";
  } catch (const http::ApiError& error) {
    EXPECT_EQ(error.status(), 409);
    EXPECT_EQ(error.code(), "email_taken");
  }
}

TEST(UserStoreTest, DisablingEndsTheUsersSessions) {
  testing::UserDatabase db;
  db.database.write([](store::Session& session) {
    EXPECT_TRUE(setUserDisabled(session, "A@B.co", true));
    EXPECT_FALSE(setUserDisabled(session, "nobody@b.co", true));
  });
  db.database.read([](store::Session& session) {
    const auto user = findUserById(session, "usr1");
    ASSERT_TRUE(user);
    EXPECT_TRUE(user->disabled);
    EXPECT_EQ(findUserByEmail(session, "a@b.co")->id, "usr1");
  });
}

}  // namespace
}  // namespace tessera::features
