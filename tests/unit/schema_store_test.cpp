#include "features/schema/schema_store.h"

#include <gtest/gtest.h>

#include "features/schema/trash_store.h"
#include "features/schema/user_table_store.h"
#include "http/api_error.h"
#include "workspace_database.h"

namespace tessera::features {
namespace {

class SchemaStoreTest : public ::testing::Test {
 protected:
  SchemaStoreTest() {
    db.database.write([](store::Session& session) {
      insertTableRow(session, {"tblA", "bse1", "Tasks", "to do", "usr1", 5, 5, {}, {}});
      insertTableRow(session, {"tblB", "bse1", "People", "", "usr1", 6, 6, {}, {}});
      FieldDef name{"fldName", "Name",  "",     FieldType::SingleLineText, {}, true, 0,
                    nullptr,   nullptr, nullptr};
      insertFieldRow(session, "tblA", name, 7);
      FieldDef qty{"fldQty", "Qty", "",      FieldType::Number, {{"precision", 0}},
                   false,    0,     nullptr, nullptr,           nullptr};
      insertFieldRow(session, "tblA", qty, 8);
    });
  }

  template <class Work>
  auto write(Work&& work) {
    return db.database.write(std::forward<Work>(work));
  }

  TableSchema schema(const std::string& tableId) {
    return db.database.read(
        [&](store::Session& session) { return requireTableSchema(session, tableId); });
  }

  testing::WorkspaceDatabase db;
};

TEST_F(SchemaStoreTest, ATableIsLoadedWithItsFieldsPrimaryFirst) {
  const TableSchema tasks = schema("tblA");
  EXPECT_EQ(tasks.name, "Tasks");
  EXPECT_EQ(tasks.description, "to do");
  ASSERT_EQ(tasks.fields.size(), 2u);
  EXPECT_TRUE(tasks.fields[0].isPrimary);
  EXPECT_EQ(tasks.fields[1].type, FieldType::Number);
  EXPECT_EQ(tasks.fields[1].position, 2) << "placed after the last field";
  db.database.read([](store::Session& session) {
    EXPECT_EQ(loadTableIds(session, "bse1"), (std::vector<std::string>{"tblA", "tblB"}));
    EXPECT_FALSE(loadTableSchema(session, "tblNone"));
    EXPECT_THROW(requireTableSchema(session, "tblNone"), http::ApiError);
  });
}

TEST_F(SchemaStoreTest, EveryChangeAdvancesTheVersionOnlyWhenTouched) {
  const auto version = [&] {
    return db.database.read(
        [](store::Session& session) { return loadSchemaVersion(session, "tblA"); });
  };
  const auto before = version();
  ASSERT_TRUE(before);
  write([](store::Session& session) { touchTableSchema(session, "tblA"); });
  EXPECT_EQ(version(), *before + 1);
  EXPECT_EQ(db.database.read([](store::Session& s) { return loadSchemaVersion(s, "tblNone"); }),
            std::nullopt);
}

TEST_F(SchemaStoreTest, NamesAreUniqueIgnoringCase) {
  try {
    write([](store::Session& session) {
      insertTableRow(session, {"tblC", "bse1", "TASKS", "", "usr1", 9, 9, {}, {}});
    });
    FAIL() << "a second table named tasks";
  } catch (const http::ApiError& error) {
    EXPECT_EQ(error.status(), 409);
    EXPECT_EQ(error.code(), "table_name_taken");
  }
  try {
    write([](store::Session& session) {
      FieldDef twin{"fldTwin", "qty", "",      FieldType::Number, {},
                    false,     0,     nullptr, nullptr,           nullptr};
      insertFieldRow(session, "tblA", twin, 9);
    });
    FAIL() << "a second field named qty";
  } catch (const http::ApiError& error) {
    EXPECT_EQ(error.code(), "field_name_taken");
  }
}

TEST_F(SchemaStoreTest, RowsChangeAndGo) {
  write([](store::Session& session) {
    TableSchema table = requireTableSchema(session, "tblA");
    table.name = "Jobs";
    updateTableRow(session, table, 50);
    FieldDef qty = table.fields[1];
    qty.name = "Count";
    qty.options = {{"precision", 2}};
    updateFieldRow(session, qty, 50);
    moveToTrash(session, TrashKind::Field, "fldName", 50);
    deleteTableRow(session, "tblB");
  });
  const TableSchema jobs = schema("tblA");
  EXPECT_EQ(jobs.name, "Jobs");
  ASSERT_EQ(jobs.fields.size(), 1u);
  EXPECT_EQ(jobs.fields[0].name, "Count");
  EXPECT_EQ(jobs.fields[0].options.at("precision").as_int64(), 2);
  db.database.read([](store::Session& session) {
    EXPECT_EQ(loadTableIds(session, "bse1"), std::vector<std::string>{"tblA"});
    EXPECT_TRUE(isInTrash(session, TrashKind::Field, "tblA", "fldName"));
  });
  write([](store::Session& session) {
    EXPECT_TRUE(deleteFromTrash(session, TrashKind::Field, "fldName"));
    EXPECT_FALSE(deleteFromTrash(session, TrashKind::Field, "fldName")) << "gone already";
    EXPECT_FALSE(deleteFromTrash(session, TrashKind::Field, "fldQty")) << "a live field stays";
  });
}

}  // namespace
}  // namespace tessera::features
