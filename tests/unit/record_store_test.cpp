#include "features/records/record_store.h"

#include <gtest/gtest.h>

#include "features/query/record_query.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"
#include "workspace_database.h"

namespace tessera::features {
namespace {

class RecordStoreTest : public ::testing::Test {
 protected:
  RecordStoreTest() {
    schema = db.database.write([](store::Session& session) {
      insertTableRow(session, {"tblA", "bse1", "Tasks", "", "usr1", 5, 5, {}, {}});
      createUserTable(session, "tblA");
      FieldDef name{"fldName", "Name",  "",     FieldType::SingleLineText, {}, true, 0,
                    nullptr,   nullptr, nullptr};
      insertFieldRow(session, "tblA", name, 7);
      addFieldColumn(session, "tblA", name);
      return requireTableSchema(session, "tblA");
    });
  }

  std::vector<std::string> insert(std::vector<std::string> names) {
    std::vector<CellValues> records;
    for (std::string& name : names) records.push_back({{0, std::move(name)}});
    return db.database.write([&](store::Session& session) {
      return insertRecords(session, schema, records, "usr1", 100);
    });
  }

  testing::WorkspaceDatabase db;
  TableSchema schema;
};

TEST_F(RecordStoreTest, InsertedRecordsAreReadBackInTheOrderAsked) {
  const std::vector<std::string> ids = insert({"a", "b", "c"});
  ASSERT_EQ(ids.size(), 3u);
  db.database.read([&](store::Session& session) {
    const store::Rows rows = loadRecordRows(session, schema, {ids[2], "recNone", ids[0]});
    ASSERT_EQ(rows.size(), 2u) << "unknown ids are left out";
    EXPECT_EQ(rows[0].text(RecordRow::kId), ids[2]);
    EXPECT_EQ(rows[0].text(RecordRow::kFirstField), "c");
    EXPECT_EQ(rows[1].integer(RecordRow::kSeq), 1);
    EXPECT_EQ(rows[1].integer(RecordRow::kVersion), 1);
    EXPECT_EQ(rows[1].text(RecordRow::kCreatedBy), "usr1");
  });
}

TEST_F(RecordStoreTest, AnUpdateChecksTheVersionWhenAsked) {
  const std::string id = insert({"a"}).at(0);
  db.database.write([&](store::Session& session) {
    EXPECT_TRUE(updateRecord(session, schema, id, {{0, std::string("b")}}, 1, "usr1", 200));
    EXPECT_FALSE(updateRecord(session, schema, id, {{0, std::string("c")}}, 1, "usr1", 300))
        << "version 1 is gone";
    EXPECT_TRUE(
        updateRecord(session, schema, id, {{0, std::string("d")}}, std::nullopt, "usr1", 300));
    EXPECT_FALSE(updateRecord(session, schema, "recNone", {}, std::nullopt, "usr1", 300));
  });
  db.database.read([&](store::Session& session) {
    EXPECT_EQ(loadRecordVersion(session, schema, id), 3);
    EXPECT_EQ(loadRecordRows(session, schema, {id}).at(0).text(RecordRow::kFirstField), "d");
  });
}

TEST_F(RecordStoreTest, DeletingSaysWhetherTheRecordExisted) {
  const std::string id = insert({"a"}).at(0);
  db.database.write([&](store::Session& session) {
    EXPECT_TRUE(deleteRecord(session, schema, id));
    EXPECT_FALSE(deleteRecord(session, schema, id));
  });
  db.database.read([&](store::Session& session) {
    EXPECT_EQ(loadRecordVersion(session, schema, id), std::nullopt);
  });
}

}  // namespace
}  // namespace tessera::features
