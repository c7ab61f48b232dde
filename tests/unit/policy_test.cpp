#include "access/policy.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace tessera::access {
namespace {

// The written rules of DESIGN section 3, one row per action: the weakest
// role that may perform it.
const std::map<Action, Role> kWeakestRoleAllowed = {
    {Action::SpaceRead, Role::Viewer},    {Action::BaseRead, Role::Viewer},
    {Action::MemberRead, Role::Viewer},   {Action::TableRead, Role::Viewer},
    {Action::FieldRead, Role::Viewer},    {Action::RecordRead, Role::Viewer},
    {Action::ViewRead, Role::Viewer},     {Action::RecordCreate, Role::Editor},
    {Action::RecordUpdate, Role::Editor}, {Action::RecordDelete, Role::Editor},
    {Action::ViewCreate, Role::Editor},   {Action::ViewUpdate, Role::Editor},
    {Action::ViewDelete, Role::Editor},   {Action::BaseCreate, Role::Creator},
    {Action::BaseUpdate, Role::Creator},  {Action::BaseDelete, Role::Creator},
    {Action::TableCreate, Role::Creator}, {Action::TableUpdate, Role::Creator},
    {Action::TableDelete, Role::Creator}, {Action::FieldCreate, Role::Creator},
    {Action::FieldUpdate, Role::Creator}, {Action::FieldDelete, Role::Creator},
    {Action::SpaceUpdate, Role::Owner},   {Action::SpaceDelete, Role::Owner},
    {Action::MemberManage, Role::Owner},
};

const Role kRoles[] = {Role::None,   Role::Viewer,  Role::Commenter,
                       Role::Editor, Role::Creator, Role::Owner};

const ResourceRef kBase{ResourceKind::Base, "bse1"};
const ResourceAccess kOwnerOfBase{Role::Owner, "spc1", "bse1"};

Principal session() { return Principal{"usr1", false, std::nullopt}; }

Principal token(std::vector<std::string> scopes, std::vector<std::string> spaces = {},
                std::vector<std::string> bases = {}) {
  TokenGrant grant;
  grant.id = "tok1";
  grant.scopes = ScopeSet::fromNames(scopes);
  grant.scopeNames = scopes;
  grant.spaceIds = std::move(spaces);
  grant.baseIds = std::move(bases);
  return Principal{"usr1", false, grant};
}

TEST(PolicyTest, RolesAllowExactlyTheWrittenRules) {
  ASSERT_EQ(kWeakestRoleAllowed.size() + 1, allActions().size()) << "every action has a rule";
  for (const auto& [action, weakest] : kWeakestRoleAllowed) {
    for (const Role role : kRoles) {
      EXPECT_EQ(roleAllows(role, action), role != Role::None && role >= weakest)
          << actionName(action) << " for " << roleName(role);
    }
  }
}

TEST(PolicyTest, NoRoleMeansNotFoundSoExistenceDoesNotLeak) {
  for (const Principal& principal : {session(), token({"full_access"})}) {
    const Decision decision =
        decide(principal, Action::SpaceRead, {ResourceKind::Space, "spc1"}, {});
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.status, 404);
    EXPECT_EQ(decision.code, "not_found");
  }
}

TEST(PolicyTest, InstanceAdminGetsNoImplicitAccessToOthersData) {
  const Decision decision =
      decide(Principal{"usr1", true, std::nullopt}, Action::BaseRead, kBase, {});
  EXPECT_EQ(decision.status, 404);
}

TEST(PolicyTest, VisibleButNotAllowedIs403NamingRoleAndAction) {
  const Decision decision = decide(session(), Action::SpaceUpdate, {ResourceKind::Space, "spc1"},
                                   {Role::Viewer, "spc1", ""});
  EXPECT_EQ(decision.status, 403);
  EXPECT_EQ(decision.code, "forbidden");
  EXPECT_NE(decision.message.find("space:update"), std::string::npos);
  EXPECT_NE(decision.message.find("viewer"), std::string::npos);
  const Decision viaToken = decide(token({"full_access"}), Action::SpaceUpdate,
                                   {ResourceKind::Space, "spc1"}, {Role::Viewer, "spc1", ""});
  EXPECT_EQ(viaToken.code, "role_forbids");
}

TEST(PolicyTest, ATokenGetsTheIntersectionOfRoleScopesAndRestriction) {
  EXPECT_TRUE(decide(token({"read"}), Action::RecordRead, kBase, kOwnerOfBase).allowed);
  const Decision noScope = decide(token({"read"}), Action::RecordCreate, kBase, kOwnerOfBase);
  EXPECT_EQ(noScope.status, 403);
  EXPECT_EQ(noScope.code, "insufficient_scope");
  EXPECT_NE(noScope.wwwAuthenticate.find("scope=\"record:create\""), std::string::npos);
  EXPECT_TRUE(decide(token({"record:create"}), Action::RecordCreate, kBase, kOwnerOfBase).allowed);

  EXPECT_TRUE(decide(token({"read"}, {"spc1"}), Action::RecordRead, kBase, kOwnerOfBase).allowed);
  EXPECT_TRUE(
      decide(token({"read"}, {}, {"bse1"}), Action::RecordRead, kBase, kOwnerOfBase).allowed);
  const Decision elsewhere =
      decide(token({"read"}, {"spc2"}, {"bse2"}), Action::RecordRead, kBase, kOwnerOfBase);
  EXPECT_EQ(elsewhere.status, 403);
  EXPECT_EQ(elsewhere.code, "resource_not_allowed");
  // A base restriction does not cover the space around it.
  EXPECT_EQ(decide(token({"read"}, {}, {"bse1"}), Action::SpaceRead, {ResourceKind::Space, "spc1"},
                   {Role::Owner, "spc1", ""})
                .code,
            "resource_not_allowed");
}

TEST(PolicyTest, CreatingSpacesNeedsTheScopeAndNoRestriction) {
  EXPECT_TRUE(decideUnscoped(session(), Action::SpaceCreate).allowed);
  EXPECT_TRUE(decideUnscoped(token({"admin"}), Action::SpaceCreate).allowed);
  EXPECT_EQ(decideUnscoped(token({"read"}), Action::SpaceCreate).code, "insufficient_scope");
  EXPECT_EQ(decideUnscoped(token({"admin"}, {"spc1"}), Action::SpaceCreate).code,
            "resource_not_allowed");
}

TEST(PolicyTest, EveryRouteKindButAnyoneAndLoopbackNeedsCredentials) {
  const RequestFacts nobody{nullptr, true};
  EXPECT_TRUE(decideRequirement(anyone(), nobody).allowed);
  EXPECT_TRUE(decideRequirement(loopback(), nobody).allowed);
  for (const Requirement& requirement :
       {signedIn(), sessionOnly(), tokenOnly(), onBase(Action::BaseRead)}) {
    const Decision decision = decideRequirement(requirement, nobody);
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.status, 401);
    EXPECT_EQ(decision.code, "unauthenticated");
    EXPECT_EQ(decision.wwwAuthenticate, "Bearer realm=\"tessera\"");
  }
}

TEST(PolicyTest, ALoopbackRouteDoesNotExistForAnyoneElse) {
  const Principal viaSession = session();
  const Decision remote = decideRequirement(loopback(), {&viaSession, false});
  EXPECT_FALSE(remote.allowed);
  EXPECT_EQ(remote.status, 404);
  EXPECT_EQ(remote.code, "not_found");
}

TEST(PolicyTest, TokensCannotManageTokensAndMcpNeedsAToken) {
  const Principal viaSession = session();
  const Principal viaToken = token({"full_access"});
  EXPECT_TRUE(decideRequirement(sessionOnly(), {&viaSession, false}).allowed);
  const Decision managing = decideRequirement(sessionOnly(), {&viaToken, false});
  EXPECT_EQ(managing.status, 403);
  EXPECT_EQ(managing.code, "token_cannot_manage_tokens");

  EXPECT_TRUE(decideRequirement(tokenOnly(), {&viaToken, false}).allowed);
  const Decision browser = decideRequirement(tokenOnly(), {&viaSession, false});
  EXPECT_EQ(browser.status, 401);
  EXPECT_EQ(browser.code, "unauthenticated");
}

TEST(PolicyTest, ASignedInRouteWithAnActionChecksATokensScopes) {
  const Principal reader = token({"read"});
  EXPECT_TRUE(decideRequirement(signedIn(), {&reader, false}).allowed);
  EXPECT_TRUE(decideRequirement(signedIn(Action::BaseRead), {&reader, false}).allowed);
  const Decision missing = decideRequirement(signedIn(Action::SpaceCreate), {&reader, false});
  EXPECT_EQ(missing.code, "insufficient_scope");
  EXPECT_NE(missing.wwwAuthenticate.find("scope=\"space:create\""), std::string::npos);
  const Principal viaSession = session();
  EXPECT_TRUE(decideRequirement(onSpace(Action::SpaceDelete), {&viaSession, false}).allowed)
      << "a resource route is decided on its resource, by decide()";
}

}  // namespace
}  // namespace tessera::access
