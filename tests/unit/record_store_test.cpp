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

  InsertedRecords insertReturning(std::vector<std::string> names) {
    std::vector<CellValues> records;
    for (std::string& name : names) records.push_back({{0, std::move(name)}});
    return db.database.write([&](store::Session& session) {
      return insertRecords(session, schema, records, "usr1", 100);
    });
  }

  std::vector<std::string> insert(std::vector<std::string> names) {
    return insertReturning(std::move(names)).ids;
  }

  // Adds a field of `type` (not stored in a column of its own).
  void addComputedField(FieldType type) {
    schema = db.database.write([&](store::Session& session) {
      FieldDef field{"fldComputed", "Computed", "", type, {}, false, 1, nullptr, nullptr, nullptr};
      insertFieldRow(session, "tblA", field, 8);
      return requireTableSchema(session, "tblA");
    });
  }

  void expectSameRows(const store::Rows& returned, const store::Rows& read) {
    ASSERT_EQ(returned.size(), read.size());
    for (std::size_t r = 0; r < read.size(); ++r) {
      ASSERT_EQ(returned[r].size(), read[r].size());
      for (std::size_t c = 0; c < read[r].size(); ++c) {
        EXPECT_EQ(returned[r].value(c), read[r].value(c)) << "row " << r << ", column " << c;
      }
    }
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

TEST_F(RecordStoreTest, AnInsertReturnsTheRowsAsTheyAreReadBack) {
  addComputedField(FieldType::CreatedTime);
  const InsertedRecords inserted = insertReturning({"a", "b", "c"});
  ASSERT_TRUE(inserted.rows) << "every field of this table is in its rows";
  db.database.read([&](store::Session& session) {
    expectSameRows(*inserted.rows, loadRecordRows(session, schema, inserted.ids));
  });
}

TEST_F(RecordStoreTest, AnInsertReturnsNoRowsWhenAFieldIsNotInThem) {
  addComputedField(FieldType::CreatedBy);
  const InsertedRecords inserted = insertReturning({"a"});
  EXPECT_EQ(inserted.ids.size(), 1u);
  EXPECT_FALSE(inserted.rows) << "the creator's name is in the users table";
  db.database.write([&](store::Session& session) {
    const UpdatedRecord updated = updateRecord(session, schema, returningRecords(schema),
                                               inserted.ids[0], {}, std::nullopt, "usr1", 200);
    EXPECT_TRUE(updated.updated);
    EXPECT_FALSE(updated.row);
  });
}

TEST_F(RecordStoreTest, AnUpdateReturnsTheRowAsItIsReadBack) {
  const std::string id = insert({"a"}).at(0);
  const UpdatedRecord updated = db.database.write([&](store::Session& session) {
    return updateRecord(session, schema, returningRecords(schema), id, {{0, std::string("b")}}, 1,
                        "usr1", 200);
  });
  ASSERT_TRUE(updated.updated);
  ASSERT_TRUE(updated.row);
  EXPECT_EQ(updated.row->integer(RecordRow::kVersion), 2);
  db.database.read([&](store::Session& session) {
    expectSameRows({*updated.row}, loadRecordRows(session, schema, {id}));
  });
}

TEST_F(RecordStoreTest, RowsAreOrderedByTheIdsAskedWithRepeatsAndGaps) {
  const auto row = [](std::string id, std::int64_t version) {
    return store::Row({std::move(id), std::int64_t{0}, std::int64_t{0}, std::int64_t{0}, nullptr,
                       nullptr, nullptr, nullptr, nullptr, nullptr, version});
  };
  const store::Rows ordered = inOrderOf({"recB", "recNone", "recA", "recB"},
                                        {row("recA", 1), row("recB", 1), row("recB", 2)});
  ASSERT_EQ(ordered.size(), 3u);
  EXPECT_EQ(ordered[0].text(RecordRow::kId), "recB");
  EXPECT_EQ(ordered[0].integer(RecordRow::kVersion), 2) << "the last row of an id";
  EXPECT_EQ(ordered[1].text(RecordRow::kId), "recA");
  EXPECT_EQ(ordered[2].integer(RecordRow::kVersion), 2);
}

TEST_F(RecordStoreTest, AnUpdateChecksTheVersionWhenAsked) {
  const std::string id = insert({"a"}).at(0);
  db.database.write([&](store::Session& session) {
    EXPECT_TRUE(updateRecord(session, schema, returningRecords(schema), id, {{0, std::string("b")}},
                             1, "usr1", 200)
                    .updated);
    EXPECT_FALSE(updateRecord(session, schema, returningRecords(schema), id,
                              {{0, std::string("c")}}, 1, "usr1", 300)
                     .updated)
        << "version 1 is gone";
    EXPECT_TRUE(updateRecord(session, schema, returningRecords(schema), id, {{0, std::string("d")}},
                             std::nullopt, "usr1", 300)
                    .updated);
    EXPECT_FALSE(updateRecord(session, schema, returningRecords(schema), "recNone", {},
                              std::nullopt, "usr1", 300)
                     .updated);
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
