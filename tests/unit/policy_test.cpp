#include "access/policy.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace tessera::access {
namespace {

// The written rules of DESIGN section 3, one row per action: the weakest
// role that may perform it.
const std::map<Action, Role> kWeakestRoleAllowed = {
    {Action::SpaceRead, Role::Viewer},   {Action::BaseRead, Role::Viewer},
    {Action::MemberRead, Role::Viewer},  {Action::BaseCreate, Role::Creator},
    {Action::BaseUpdate, Role::Creator}, {Action::BaseDelete, Role::Creator},
    {Action::SpaceUpdate, Role::Owner},  {Action::SpaceDelete, Role::Owner},
    {Action::MemberManage, Role::Owner},
};

const Role kRoles[] = {Role::None,   Role::Viewer,  Role::Commenter,
                       Role::Editor, Role::Creator, Role::Owner};

TEST(PolicyTest, RolesAllowExactlyTheWrittenRules) {
  for (const auto& [action, weakest] : kWeakestRoleAllowed) {
    for (const Role role : kRoles) {
      EXPECT_EQ(roleAllows(role, action), role != Role::None && role >= weakest)
          << actionName(action) << " for " << roleName(role);
    }
  }
}

TEST(PolicyTest, NoRoleMeansNotFoundSoExistenceDoesNotLeak) {
  const Decision decision = decide(Principal{"usr1", false, ""}, Action::SpaceRead,
                                   {ResourceKind::Space, "spc1"}, Role::None);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.status, 404);
  EXPECT_EQ(decision.code, "not_found");
}

TEST(PolicyTest, InstanceAdminGetsNoImplicitAccessToOthersData) {
  const Decision decision = decide(Principal{"usr1", true, ""}, Action::BaseRead,
                                   {ResourceKind::Base, "bse1"}, Role::None);
  EXPECT_EQ(decision.status, 404);
}

TEST(PolicyTest, VisibleButNotAllowedIs403NamingTheAction) {
  const Decision decision = decide(Principal{"usr1", false, ""}, Action::SpaceUpdate,
                                   {ResourceKind::Space, "spc1"}, Role::Viewer);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.status, 403);
  EXPECT_EQ(decision.code, "forbidden");
  EXPECT_NE(decision.message.find("space:update"), std::string::npos);
  EXPECT_NE(decision.message.find("viewer"), std::string::npos);
}

TEST(PolicyTest, ActionNamesAreDistinct) {
  std::set<std::string_view> names;
  for (const auto& [action, weakest] : kWeakestRoleAllowed) {
    EXPECT_TRUE(names.insert(actionName(action)).second);
  }
}

TEST(RoleTest, ParsesNamesAndCombinesToTheStronger) {
  for (const Role role : kRoles) {
    if (role == Role::None) continue;
    EXPECT_EQ(parseRole(roleName(role)), role);
  }
  EXPECT_EQ(parseRole("admin"), std::nullopt);
  EXPECT_EQ(parseRole("Owner"), std::nullopt);
  EXPECT_EQ(strongerRole(Role::Viewer, Role::Creator), Role::Creator);
  EXPECT_EQ(strongerRole(Role::Editor, Role::None), Role::Editor);
}

}  // namespace
}  // namespace tessera::access
