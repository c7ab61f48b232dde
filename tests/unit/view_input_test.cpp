#include "features/views/view_input.h"

#include <gtest/gtest.h>

#include "input_test_support.h"

namespace tessera::features {
namespace {

using testing::refusalOf;

TEST(ViewInputTest, ANewViewNeedsANameAndKeepsOnlyDefinitionKeys) {
  const ViewInput view = newViewFromBody(boost::json::parse(
      R"({"name":"Open","type":"grid","sort":[{"fieldId":"fld1","order":"asc"}],"filter":null})"));
  EXPECT_EQ(view.name, "Open");
  EXPECT_EQ(view.definitionChanges.size(), 2u);
  EXPECT_TRUE(view.definitionChanges.contains("sort"));
  EXPECT_TRUE(view.definitionChanges.contains("filter"));
  EXPECT_FALSE(view.definitionChanges.contains("name"));
  EXPECT_NE(refusalOf(newViewFromBody, R"({"sort":[]})").find("'name'"), std::string::npos);
  EXPECT_TRUE(
      refusalOf(newViewFromBody, R"({"name":"K","type":"kanban"})").starts_with("invalid_field"));
}

TEST(ViewInputTest, ChangesNameOnlyWhatTheyChange) {
  const ViewInput rename = viewChangesFromBody(boost::json::parse(R"({"name":"Done"})"));
  EXPECT_EQ(rename.name, "Done");
  EXPECT_TRUE(rename.definitionChanges.empty());
  const ViewInput hide = viewChangesFromBody(boost::json::parse(R"({"hiddenFieldIds":["f"]})"));
  EXPECT_FALSE(hide.name);
  EXPECT_TRUE(hide.definitionChanges.contains("hiddenFieldIds"));
  EXPECT_TRUE(refusalOf(viewChangesFromBody, R"({"type":"grid"})").starts_with("unknown_field"));
}

}  // namespace
}  // namespace tessera::features
