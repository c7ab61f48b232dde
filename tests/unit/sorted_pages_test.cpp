// Pages of a sorted listing come from the view's sort index: every query
// fetchPage runs, first page and deep pages by cursor alike, is an index
// scan with no sort step (SQLite's own query plan says so), and the index
// follows the views that need it.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "features/limits.h"
#include "features/query/record_query.h"
#include "features/schema/formula_fields.h"
#include "features/schema/user_table_store.h"
#include "features/views/sort_index_store.h"
#include "sort_index_count.h"
#include "user_database.h"

namespace tessera::features {
namespace {

// A real session that also keeps every query it was given.
class RecordingSession : public store::Session {
 public:
  explicit RecordingSession(store::Session& inner) : inner_(inner) {}
  store::Rows query(std::string_view sql, std::span<const store::SqlValue> params) override {
    queries.push_back({std::string(sql), {params.begin(), params.end()}});
    return inner_.query(sql, params);
  }
  std::int64_t execute(std::string_view sql, std::span<const store::SqlValue> params) override {
    return inner_.execute(sql, params);
  }
  void executeScript(std::string_view sql) override { inner_.executeScript(sql); }
  store::SqlDialect dialect() const override { return inner_.dialect(); }

  std::vector<std::pair<std::string, std::vector<store::SqlValue>>> queries;

 private:
  store::Session& inner_;
};

class SortedPagesTest : public ::testing::Test {
 protected:
  SortedPagesTest() {
    schema.id = "tblT";
    schema.fields = {
        {"fldRank", "Rank", "", FieldType::Number, {}, false, 0, nullptr, nullptr, nullptr},
        {"fldName", "Name", "", FieldType::SingleLineText, {}, true, 1, nullptr, nullptr, nullptr},
        {"fldScore", "Score", "", FieldType::Formula,
         boost::json::object{{"expression", "{fldRank} * 3 + LEN({fldName})"}}, false, 2, nullptr,
         nullptr, nullptr}};
    planFormulaFields(schema, store::SqlDialect::Sqlite);
    view.definition = emptyViewDefinition();
    view.definition["sort"] = boost::json::parse(
        R"([{"fieldId":"fldRank","order":"asc"},{"fieldId":"fldName","order":"desc"}])");
    db.database.write([&](store::Session& session) {
      createUserTable(session, schema.id);
      for (const FieldDef& field : schema.fields) {
        if (!isComputed(field.type)) addFieldColumn(session, schema.id, field);
      }
      // 5,000 rows: ranks 0-12 with ties and every seventh cell empty.
      session.execute(
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
          " INSERT INTO " +
          schema.sqlTable() +
          " SELECT 'rec' || i, i, 0, 0, 'usr1', 'usr1', 1,"
          " CASE WHEN i % 7 = 0 THEN NULL ELSE i % 13 END, 'r' || i FROM n");
    });
  }

  std::size_t sortIndexCount() { return testing::sortIndexCount(db.database, schema.id); }

  testing::UserDatabase db;
  TableSchema schema;
  ViewDef view;
};

TEST_F(SortedPagesTest, EveryPageQueryIsAnIndexScanWithoutASort) {
  for (const char* sort :
       {R"([{"fieldId":"fldRank","order":"desc"}])",
        R"([{"fieldId":"fldRank","order":"asc"},{"fieldId":"fldName","order":"desc"}])",
        R"([{"fieldId":"fldScore","order":"desc"}])"}) {
    SCOPED_TRACE(sort);
    view.definition["sort"] = boost::json::parse(sort);
    buildSortIndexes(db.database, schema, wantedSortIndexes(schema, {view}));
    db.database.read([&](store::Session& session) {
      RecordingSession recording(session);
      ListQuery query;
      query.sort = parseSort(schema, view.definition.at("sort"));
      // A filter on the first sort key, as views often have.
      query.where = {query.sort[0].field->expression() + " >= ?", {std::int64_t{2}}};
      query.take = 100;
      std::size_t seen = 0;
      for (int page = 0; page < 50; ++page) {
        const auto next = fetchPage(recording, schema, query, [&](const store::Row&) { ++seen; });
        if (!next) break;
        query.cursor = next;
      }
      EXPECT_EQ(seen, static_cast<std::size_t>(countRecords(session, schema, query.where)));
      EXPECT_GT(seen, 3000u);
      ASSERT_GT(recording.queries.size(), 40u);
      for (const auto& [sql, params] : recording.queries) {
        std::string plan;
        for (const store::Row& row : session.query("EXPLAIN QUERY PLAN " + sql, params)) {
          plan += row.text(3) + "\n";
        }
        EXPECT_NE(plan.find("USING INDEX i_tblT_s_"), std::string::npos) << sql << "\n" << plan;
        EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << sql << "\n" << plan;
      }
    });
  }
}

TEST_F(SortedPagesTest, AnIndexIsDroppedOnlyWhenNoViewSortsThatWay) {
  ViewDef twin = view;
  ViewDef other = view;
  other.definition["sort"] = boost::json::parse(R"([{"fieldId":"fldName"}])");
  buildSortIndexes(db.database, schema, wantedSortIndexes(schema, {view, twin, other}));
  EXPECT_EQ(sortIndexCount(), 2u) << "one index per distinct sort";
  db.database.write([&](store::Session& session) {
    dropSortIndexes(session, schema, {view}, {twin, other});
  });
  EXPECT_EQ(sortIndexCount(), 2u) << "the twin still sorts that way";
  db.database.write(
      [&](store::Session& session) { dropSortIndexes(session, schema, {twin}, {other}); });
  EXPECT_EQ(sortIndexCount(), 1u);
  EXPECT_EQ(viewsSortedBy({view, other}, "fldRank").size(), 1u);
}

TEST_F(SortedPagesTest, OnlyTheFirstSixteenDistinctSortsGetAnIndex) {
  // Twenty views with twenty distinct sorts over the two fields.
  std::vector<ViewDef> views;
  for (const char* first : {"fldRank", "fldName"}) {
    const char* second = std::string_view(first) == "fldRank" ? "fldName" : "fldRank";
    for (const char* firstOrder : {"asc", "desc"}) {
      ViewDef single = view;
      single.definition["sort"] = {{{"fieldId", first}, {"order", firstOrder}}};
      views.push_back(single);
      for (const char* secondOrder : {"asc", "desc"}) {
        ViewDef pair = view;
        pair.definition["sort"] = {{{"fieldId", first}, {"order", firstOrder}},
                                   {{"fieldId", second}, {"order", secondOrder}}};
        views.push_back(pair);
        ViewDef repeated = pair;  // the same sort again: no new index
        views.push_back(repeated);
        ViewDef triple = pair;
        triple.definition["sort"].as_array().push_back(
            {{"fieldId", first}, {"order", secondOrder}});
        views.push_back(triple);
      }
    }
  }
  ASSERT_GT(views.size(), 20u);
  buildSortIndexes(db.database, schema, wantedSortIndexes(schema, views));
  EXPECT_EQ(sortIndexCount(), kMaxSortIndexesPerTable);
  // When an indexed sort goes, the next sort in view order gets its index.
  const ViewDef first = views.front();
  views.erase(views.begin());
  db.database.write(
      [&](store::Session& session) { dropSortIndexes(session, schema, {first}, views); });
  buildSortIndexes(db.database, schema, wantedSortIndexes(schema, views));
  EXPECT_EQ(sortIndexCount(), kMaxSortIndexesPerTable);
}

}  // namespace
}  // namespace tessera::features
