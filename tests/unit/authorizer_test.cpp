#include "access/authorizer.h"

#include <gtest/gtest.h>

#include "workspace_database.h"

namespace tessera::access {
namespace {

Principal session(std::string userId) { return Principal{std::move(userId), false, std::nullopt}; }

Principal token(std::vector<std::string> scopes, std::vector<std::string> bases = {}) {
  TokenGrant grant;
  grant.id = "tok1";
  grant.scopeNames = scopes;
  grant.scopes = ScopeSet::fromNames(scopes);
  grant.baseIds = std::move(bases);
  return Principal{"usr1", false, grant};
}

TEST(AuthorizerTest, ARouteOnAResourceGetsTheRoleReadFromTheStore) {
  testing::WorkspaceDatabase db;
  const Authorizer authorizer(db.database);
  const Principal ada = session("usr1");
  const Verdict verdict = authorizer.admit(onBase(Action::BaseUpdate), {&ada, false}, "bse1");
  EXPECT_TRUE(verdict.decision.allowed);
  EXPECT_EQ(verdict.role, Role::Owner) << "the space role reaches the base";

  const Principal bob = session(db.bob);
  const Verdict stranger = authorizer.admit(onBase(Action::BaseRead), {&bob, false}, "bse1");
  EXPECT_FALSE(stranger.decision.allowed);
  EXPECT_EQ(stranger.decision.status, 404);
  EXPECT_EQ(stranger.role, Role::None);
}

TEST(AuthorizerTest, ARemovedRoleIsRefusedOnTheNextRequest) {
  testing::WorkspaceDatabase db;
  const Authorizer authorizer(db.database);
  const Principal bob = session(db.bob);
  const ResourceRef base{ResourceKind::Base, "bse1"};
  db.database.write(
      [&](store::Session& s) { features::insertCollaborator(s, base, db.bob, Role::Editor, 30); });
  EXPECT_TRUE(authorizer.check(bob, Action::RecordCreate, base).decision.allowed);
  EXPECT_EQ(authorizer.check(bob, Action::BaseDelete, base).decision.code, "forbidden");
  db.database.write([&](store::Session& s) { features::deleteCollaborator(s, base, db.bob); });
  EXPECT_EQ(authorizer.check(bob, Action::RecordCreate, base).decision.status, 404)
      << "no stale role from the cache";
}

TEST(AuthorizerTest, RequirementsAreDecidedBeforeAnyRoleIsRead) {
  testing::WorkspaceDatabase db;
  const Authorizer authorizer(db.database);
  EXPECT_EQ(authorizer.admit(onBase(Action::BaseRead), {nullptr, false}, "bse1").decision.status,
            401);
  const Principal reader = token({"read"}, {"bseOther"});
  const Verdict elsewhere = authorizer.admit(onBase(Action::BaseRead), {&reader, false}, "bse1");
  EXPECT_EQ(elsewhere.decision.code, "resource_not_allowed");
  const Verdict managing = authorizer.admit(sessionOnly(), {&reader, false}, "");
  EXPECT_EQ(managing.decision.code, "token_cannot_manage_tokens");
  const Principal ada = session("usr1");
  const Verdict open = authorizer.admit(signedIn(), {&ada, false}, "");
  EXPECT_TRUE(open.decision.allowed);
  EXPECT_EQ(open.role, Role::None) << "no resource, no role";
}

}  // namespace
}  // namespace tessera::access
