#include "access/role.h"

#include <gtest/gtest.h>

namespace tessera::access {
namespace {

TEST(RoleTest, ParsesNamesAndCombinesToTheStronger) {
  for (const Role role :
       {Role::Viewer, Role::Commenter, Role::Editor, Role::Creator, Role::Owner}) {
    EXPECT_EQ(parseRole(roleName(role)), role);
  }
  EXPECT_EQ(parseRole("admin"), std::nullopt);
  EXPECT_EQ(parseRole("Owner"), std::nullopt);
  EXPECT_EQ(strongerRole(Role::Viewer, Role::Creator), Role::Creator);
  EXPECT_EQ(strongerRole(Role::Editor, Role::None), Role::Editor);
}

}  // namespace
}  // namespace tessera::access
