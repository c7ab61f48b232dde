#include "features/views/sort_index_builder.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "features/fields/field_input.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"
#include "features/views/sort_index_store.h"
#include "features/views/view_store.h"
#include "sort_index_count.h"
#include "workspace_database.h"

namespace tessera::features {
namespace {

class SortIndexBuilderTest : public ::testing::Test {
 protected:
  SortIndexBuilderTest() {
    schema = TableSchema{"tblB", "bse1", "Items", "", "usr1", 0, 0, {}, {}};
    FieldDef rank{"", "Rank", "", FieldType::Number, {}, true, 0, nullptr, nullptr, nullptr};
    db.database.write([&](store::Session& session) {
      insertTableRow(session, schema);
      createUserTable(session, schema.id);
      insertField(session, schema.id, rank);
    });
    schema = *db.database.read(
        [&](store::Session& session) { return loadTableSchema(session, schema.id); });
  }

  ViewDef addView(const std::string& name, const char* sort) {
    ViewDef view{"", schema.id, name, "grid", emptyViewDefinition(), 0, 0, 0};
    view.definition["sort"] = boost::json::parse(sort);
    db.database.write([&](store::Session& session) { insertView(session, view); });
    return view;
  }

  std::size_t sortIndexes() { return testing::sortIndexCount(db.database, schema.id); }

  std::string rankSort(const char* order) {
    return R"([{"fieldId":")" + schema.fields.at(0).id + R"(","order":")" + order + R"("}])";
  }

  testing::WorkspaceDatabase db;
  TableSchema schema;
  std::vector<std::string> failures;
  SortIndexBuilder builder{db.database,
                           [this](const std::string& failure) { failures.push_back(failure); }};
};

TEST_F(SortIndexBuilderTest, AScheduledTableGetsTheIndexesOfItsViews) {
  addView("Up", rankSort("asc").c_str());
  addView("Down", rankSort("desc").c_str());
  EXPECT_EQ(sortIndexes(), 0u) << "saving a view builds nothing itself";
  builder.schedule(schema.id);
  builder.waitUntilIdle();
  EXPECT_EQ(sortIndexes(), 2u);
  EXPECT_TRUE(failures.empty());
}

TEST_F(SortIndexBuilderTest, TheNextBuildDropsTheIndexesNoViewWantsAnyMore) {
  addView("Up", rankSort("asc").c_str());
  ViewDef down = addView("Down", rankSort("desc").c_str());
  builder.schedule(schema.id);
  builder.waitUntilIdle();
  ASSERT_EQ(sortIndexes(), 2u);
  down.definition["sort"] = boost::json::parse(rankSort("asc"));  // now a twin of "Up"
  db.database.write([&](store::Session& session) { updateView(session, down); });
  EXPECT_EQ(sortIndexes(), 2u) << "changing a view drops nothing itself";
  builder.schedule(schema.id);
  builder.waitUntilIdle();
  EXPECT_EQ(sortIndexes(), 1u);
  EXPECT_TRUE(failures.empty());
}

TEST_F(SortIndexBuilderTest, EveryTableWithViewsIsFoundAtStartUp) {
  addView("Up", rankSort("asc").c_str());
  builder.scheduleEveryTable();
  builder.waitUntilIdle();
  EXPECT_EQ(sortIndexes(), 1u);
}

TEST_F(SortIndexBuilderTest, AGoneTableIsNoFailureAndStopForgetsTheRest) {
  builder.schedule("tblGone");
  builder.waitUntilIdle();
  EXPECT_TRUE(failures.empty());
  builder.stop();
  builder.schedule(schema.id);  // after stop: ignored, no hang
  builder.waitUntilIdle();
}

}  // namespace
}  // namespace tessera::features
