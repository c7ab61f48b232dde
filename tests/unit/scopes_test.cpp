#include "access/scopes.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace tessera::access {
namespace {

TEST(ScopesTest, PresetsExpandToTheWrittenActions) {
  const std::map<std::string, std::set<Action>> written = {
      {"read",
       {Action::SpaceRead, Action::BaseRead, Action::TableRead, Action::FieldRead,
        Action::RecordRead, Action::ViewRead}},
      {"write", {Action::RecordCreate, Action::RecordUpdate, Action::RecordDelete}},
  };
  for (const auto& [preset, actions] : written) {
    const ScopeSet scopes = ScopeSet::fromNames({preset});
    for (const Action action : allActions()) {
      EXPECT_EQ(scopes.allows(action), actions.contains(action))
          << preset << " " << actionName(action);
    }
  }
  const ScopeSet full = ScopeSet::fromNames({"full_access"});
  for (const Action action : allActions()) EXPECT_TRUE(full.allows(action));
  const ScopeSet admin = ScopeSet::fromNames({"admin"});
  EXPECT_TRUE(admin.allows(Action::MemberManage));
  EXPECT_TRUE(admin.allows(Action::FieldUpdate));
  EXPECT_FALSE(admin.allows(Action::RecordRead));
  EXPECT_FALSE(admin.allows(Action::RecordCreate));
}

TEST(ScopesTest, UnknownScopesAreFound) {
  EXPECT_EQ(ScopeSet::firstUnknown({"read", "record:create"}), std::nullopt);
  EXPECT_EQ(ScopeSet::firstUnknown({"read", "records:write"}), "records:write");
  EXPECT_EQ(ScopeSet::firstUnknown({"Read"}), "Read");
}

}  // namespace
}  // namespace tessera::access
