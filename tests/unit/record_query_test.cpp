#include "features/query/record_query.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "features/records/record_store.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"
#include "http/api_error.h"
#include "workspace_database.h"

namespace tessera::features {
namespace {

// A table of ten records with Qty 0..9 (Qty 3 and 7 left empty).
class RecordQueryTest : public ::testing::Test {
 protected:
  RecordQueryTest() {
    schema = db.database.write([](store::Session& session) {
      insertTableRow(session, {"tblA", "bse1", "Items", "", "usr1", 5, 5, {}, {}});
      createUserTable(session, "tblA");
      FieldDef name{"fldName", "Name",  "",     FieldType::SingleLineText, {}, true, 0,
                    nullptr,   nullptr, nullptr};
      FieldDef qty{"fldQty", "Qty", "",      FieldType::Number, {{"precision", 0}},
                   false,    0,     nullptr, nullptr,           nullptr};
      for (FieldDef* field : {&name, &qty}) {
        insertFieldRow(session, "tblA", *field, 7);
        addFieldColumn(session, "tblA", *field);
      }
      TableSchema table = requireTableSchema(session, "tblA");
      std::vector<CellValues> records;
      for (int i = 0; i < 10; ++i) {
        CellValues cells = {{0, "r" + std::to_string(i)}};
        if (i != 3 && i != 7) cells.emplace_back(1, static_cast<double>(i));
        records.push_back(std::move(cells));
      }
      insertRecords(session, table, records, "usr1", 100);
      return table;
    });
  }

  // The names of every record, read `take` at a time by `orderBy`.
  std::vector<std::string> walk(const char* orderBy, std::int64_t take) {
    std::vector<std::string> names;
    ListQuery query;
    query.sort = parseSort(schema, boost::json::parse(orderBy));
    query.take = take;
    db.database.read([&](store::Session& session) {
      do {
        query.cursor = fetchPage(session, schema, query, [&](const store::Row& row) {
          names.push_back(row.text(RecordRow::kFirstField));
        });
      } while (query.cursor);
    });
    return names;
  }

  std::string cursorRefusal(const std::string& cursor, const char* orderBy) {
    ListQuery query;
    query.sort = parseSort(schema, boost::json::parse(orderBy));
    query.cursor = cursor;
    try {
      db.database.read([&](store::Session& session) {
        fetchPage(session, schema, query, [](const store::Row&) {});
      });
    } catch (const http::ApiError& error) {
      return error.code();
    }
    return "accepted";
  }

  testing::WorkspaceDatabase db;
  TableSchema schema;
};

TEST_F(RecordQueryTest, PagesWalkTheWholeOrderWithEmptyCellsLast) {
  const std::vector<std::string> expected = {"r9", "r8", "r6", "r5", "r4",
                                             "r2", "r1", "r0", "r3", "r7"};
  EXPECT_EQ(walk(R"([{"fieldId":"Qty","order":"desc"}])", 3), expected);
  EXPECT_EQ(walk(R"([{"fieldId":"Qty","order":"desc"}])", 100), expected);
  EXPECT_EQ(walk("null", 4).size(), 10u);
  EXPECT_EQ(walk("null", 4).front(), "r0") << "creation order by default";
}

TEST_F(RecordQueryTest, ACursorServesOnlyTheOrderItWasMadeFor) {
  ListQuery query;
  query.sort = parseSort(schema, boost::json::parse(R"([{"fieldId":"Qty"}])"));
  query.take = 2;
  const auto cursor = db.database.read([&](store::Session& session) {
    return fetchPage(session, schema, query, [](const store::Row&) {});
  });
  ASSERT_TRUE(cursor);
  EXPECT_EQ(cursorRefusal(*cursor, R"([{"fieldId":"Qty"}])"), "accepted");
  EXPECT_EQ(cursorRefusal(*cursor, R"([{"fieldId":"Qty","order":"desc"}])"), "invalid_cursor");
  EXPECT_EQ(cursorRefusal(*cursor, "null"), "invalid_cursor");
  EXPECT_EQ(cursorRefusal("not-a-cursor", "null"), "invalid_cursor");
  EXPECT_EQ(cursorRefusal(*cursor + "x", R"([{"fieldId":"Qty"}])"), "invalid_cursor");
}

TEST_F(RecordQueryTest, SortsNameKnownFieldsAndDirections) {
  const auto refusal = [&](const char* orderBy) {
    try {
      parseSort(schema, boost::json::parse(orderBy));
    } catch (const http::ApiError& error) {
      return error.code();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal(R"([{"fieldId":"fldNone"}])"), "invalid_sort");
  EXPECT_EQ(refusal(R"([{"fieldId":"Qty","order":"up"}])"), "invalid_sort");
  EXPECT_EQ(refusal(R"([{"fieldId":"Qty","nulls":"first"}])"), "invalid_sort");
  EXPECT_EQ(refusal(R"({"fieldId":"Qty"})"), "invalid_sort");
  EXPECT_EQ(refusal(R"([{"fieldId":"qty","order":"desc"}])"), "accepted");
}

TEST_F(RecordQueryTest, CountsHonourTheFilter) {
  db.database.read([&](store::Session& session) {
    EXPECT_EQ(countRecords(session, schema, {"1 = 1", {}}), 10);
    EXPECT_EQ(countRecords(session, schema, {"t.\"f_fldQty\" IS NULL", {}}), 2);
  });
}

}  // namespace
}  // namespace tessera::features
