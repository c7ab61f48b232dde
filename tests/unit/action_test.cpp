#include "access/action.h"

#include <gtest/gtest.h>

#include <set>

namespace tessera::access {
namespace {

TEST(ActionTest, ActionNamesAreDistinctAndParse) {
  std::set<std::string_view> names;
  for (const Action action : allActions()) {
    EXPECT_TRUE(names.insert(actionName(action)).second);
    EXPECT_EQ(parseAction(actionName(action)), action);
    EXPECT_FALSE(actionDescription(action).empty());
  }
}

}  // namespace
}  // namespace tessera::access
