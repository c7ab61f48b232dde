// Tables, fields and views: creation with defaults, every field type and
// its options, unique names, type changes that convert values and report
// failures, the physical SQL table behind each user table, and the trash
// that lets deleted fields and views be restored until it is emptied.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/sql_columns.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

// The column types of the SQL table of user table `tableId`.
std::map<std::string, std::string> userTableColumns(const TestServer& server,
                                                    const std::string& tableId) {
  return sqlColumns(server, "t_" + tableId);
}

// A table "T" with a text primary field "Name" and a number field "Size".
boost::json::value nameAndSizeTable() {
  return {
      {"name", "T"},
      {"fields",
       {{{"name", "Name"}, {"type", "singleLineText"}}, {{"name", "Size"}, {"type", "number"}}}}};
}

class SchemaTest : public ::testing::Test {
 protected:
  SchemaTest() : workspace(makeWorkspace(client, "ada@example.com")) {}

  std::string tablePath(const boost::json::value& table) {
    return "/api/table/" + std::string(table.at("id").as_string());
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
};

TEST_F(SchemaTest, ANewTableHasAPrimaryFieldAGridViewAndARealSqlTable) {
  const auto table = createTable(client, workspace, {{"name", "Projects"}});
  ASSERT_EQ(table.at("fields").as_array().size(), 1u);
  EXPECT_EQ(table.at("fields").at(0).at("name").as_string(), "Name");
  EXPECT_TRUE(table.at("fields").at(0).at("isPrimary").as_bool());
  EXPECT_EQ(table.at("primaryFieldId"), table.at("fields").at(0).at("id"));
  EXPECT_EQ(table.at("views").at(0).at("type").as_string(), "grid");
  const auto columns = userTableColumns(server, std::string(table.at("id").as_string()));
  EXPECT_TRUE(columns.contains("__id"));
  EXPECT_EQ(columns.at("f_" + std::string(table.at("primaryFieldId").as_string())), "TEXT");
}

TEST_F(SchemaTest, EveryFieldTypeGetsATypedColumnOrNoneWhenComputed) {
  const std::map<std::string, std::string> expectedSqlType = {
      {"singleLineText", "TEXT"}, {"longText", "TEXT"}, {"number", "DOUBLE PRECISION"},
      {"checkbox", "INTEGER"},    {"date", "BIGINT"},   {"singleSelect", "TEXT"},
      {"multipleSelect", "TEXT"}, {"email", "TEXT"},    {"url", "TEXT"},
      {"rating", "INTEGER"},      {"autoNumber", ""},   {"createdTime", ""},
      {"lastModifiedTime", ""},   {"createdBy", ""},    {"lastModifiedBy", ""}};
  boost::json::array fields = {{{"name", "Title"}, {"type", "singleLineText"}}};
  for (const auto& [type, sqlType] : expectedSqlType) {
    fields.push_back(boost::json::object{{"name", "F " + type}, {"type", type}});
  }
  const auto table = createTable(client, workspace, {{"name", "All"}, {"fields", fields}});
  const auto columns = userTableColumns(server, std::string(table.at("id").as_string()));
  for (const auto& [type, sqlType] : expectedSqlType) {
    const std::string column = "f_" + fieldId(table, "F " + type);
    if (sqlType.empty()) {
      EXPECT_FALSE(columns.contains(column)) << type;
    } else {
      EXPECT_EQ(columns.count(column) ? columns.at(column) : "missing", sqlType) << type;
    }
  }
}

TEST_F(SchemaTest, BadDefinitionsAreRefusedByName) {
  const struct {
    boost::json::value body;
    int status;
    std::string code;
  } cases[] = {
      {{{"name", "T"}, {"fields", {{{"name", "A"}, {"type", "spreadsheet"}}}}},
       400,
       "invalid_field"},
      {{{"name", "T"}, {"fields", {{{"name", "A"}, {"type", "autoNumber"}}}}},
       400,
       "invalid_field"},
      {{{"name", "T"},
        {"fields", {{{"name", "A"}, {"type", "number"}, {"options", {{"precision", 20}}}}}}},
       400,
       "invalid_field"},
      {{{"name", "T"},
        {"fields", {{{"name", "A"}, {"type", "rating"}, {"options", {{"max", 11}}}}}}},
       400,
       "invalid_field"},
      {{{"name", "T"},
        {"fields",
         {{{"name", "A"}, {"type", "date"}, {"options", {{"timeZone", "Mars/Olympus"}}}}}}},
       400,
       "invalid_field"},
      {{{"name", "T"},
        {"fields",
         {{{"name", "A"},
           {"type", "singleSelect"},
           {"options", {{"choices", {{{"name", "x"}}, {{"name", "X"}}}}}}}}}},
       400,
       "invalid_field"},
      {{{"name", "T"},
        {"fields", {{{"name", "A"}, {"type", "singleLineText"}, {"options", {{"precision", 1}}}}}}},
       400,
       "invalid_field"},
      {{{"name", "T"},
        {"fields", {{{"name", "A"}, {"type", "number"}}, {{"name", "a"}, {"type", "number"}}}}},
       409,
       "field_name_taken"},
  };
  for (const auto& c : cases) {
    const HttpResult result = client.json("POST", "/api/base/" + workspace.baseId + "/table",
                                          c.body, workspace.owner.headers());
    EXPECT_EQ(result.status, c.status) << boost::json::serialize(c.body) << " " << result.body;
    EXPECT_EQ(result.errorCode(), c.code) << result.body;
  }
  createTable(client, workspace, {{"name", "Unique"}});
  const HttpResult duplicate = client.json("POST", "/api/base/" + workspace.baseId + "/table",
                                           {{"name", "UNIQUE"}}, workspace.owner.headers());
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.errorCode(), "table_name_taken");
}

TEST_F(SchemaTest, TablesCanBeReadRenamedAndDeleted) {
  const auto table = createTable(client, workspace, {{"name", "Old"}});
  const std::string path =
      "/api/base/" + workspace.baseId + "/table/" + std::string(table.at("id").as_string());
  const HttpResult renamed = client.json("PATCH", path, {{"name", "New"}, {"description", "d"}},
                                         workspace.owner.headers());
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json().at("name").as_string(), "New");
  const auto list =
      client
          .request("GET", "/api/base/" + workspace.baseId + "/table", "", workspace.owner.headers())
          .json();
  EXPECT_EQ(list.at("tables").as_array().size(), 1u);
  EXPECT_EQ(client.request("DELETE", path, "", workspace.owner.headers()).status, 200);
  EXPECT_EQ(client.request("GET", path, "", workspace.owner.headers()).status, 404);
  EXPECT_TRUE(userTableColumns(server, std::string(table.at("id").as_string())).empty())
      << "the SQL table is dropped";
}

TEST_F(SchemaTest, DeletingABaseDropsItsSqlTables) {
  const auto table = createTable(client, workspace, {{"name", "Doomed"}});
  ASSERT_EQ(client.request("DELETE", "/api/base/" + workspace.baseId, "", workspace.owner.headers())
                .status,
            204);
  EXPECT_TRUE(userTableColumns(server, std::string(table.at("id").as_string())).empty());
}

TEST_F(SchemaTest, FieldsAreAddedRenamedAndDeleted) {
  const auto table = createTable(client, workspace, {{"name", "T"}});
  const std::string fields = tablePath(table) + "/field";
  const HttpResult added = client.json("POST", fields, {{"name", "Size"}, {"type", "number"}},
                                       workspace.owner.headers());
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string id(added.json().at("id").as_string());
  EXPECT_EQ(
      client.json("POST", fields, {{"name", "size"}, {"type", "number"}}, workspace.owner.headers())
          .status,
      409);
  const HttpResult renamed =
      client.json("PATCH", fields + "/" + id, {{"name", "Weight"}}, workspace.owner.headers());
  EXPECT_EQ(renamed.json().at("name").as_string(), "Weight");
  EXPECT_EQ(client.request("DELETE", fields + "/" + id, "", workspace.owner.headers()).status, 200);
  EXPECT_EQ(client.request("GET", fields + "/" + id, "", workspace.owner.headers()).status, 404);
  EXPECT_TRUE(userTableColumns(server, std::string(table.at("id").as_string())).contains("f_" + id))
      << "a deleted field's column stays in the trash, for undo";
  const std::string primary(table.at("primaryFieldId").as_string());
  const HttpResult primaryDelete =
      client.request("DELETE", fields + "/" + primary, "", workspace.owner.headers());
  EXPECT_EQ(primaryDelete.status, 400);
  EXPECT_EQ(primaryDelete.errorCode(), "primary_field");
}

TEST_F(SchemaTest, ChangingATypeConvertsValuesAndReportsFailures) {
  const auto table = createTable(client, workspace,
                                 {{"name", "T"},
                                  {"fields",
                                   {{{"name", "Name"}, {"type", "singleLineText"}},
                                    {{"name", "Amount"}, {"type", "singleLineText"}}}}});
  const std::string tableId(table.at("id").as_string());
  createRecords(client, workspace.owner, tableId,
                {{{"Name", "a"}, {"Amount", "12"}},
                 {{"Name", "b"}, {"Amount", "3.5"}},
                 {{"Name", "c"}, {"Amount", "lots"}},
                 {{"Name", "d"}}});
  const HttpResult changed =
      client.json("PATCH", tablePath(table) + "/field/" + fieldId(table, "Amount"),
                  {{"type", "number"}}, workspace.owner.headers());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json().at("conversion").at("converted").as_int64(), 2);
  EXPECT_EQ(changed.json().at("conversion").at("failed").as_int64(), 1);
  const auto records =
      client.request("GET", tablePath(table) + "/record", "", workspace.owner.headers()).json();
  EXPECT_EQ(records.at("records").at(0).at("fields").at("Amount").as_int64(), 12);
  EXPECT_EQ(records.at("records").at(1).at("fields").at("Amount").as_double(), 3.5);
  EXPECT_FALSE(records.at("records").at(2).at("fields").as_object().contains("Amount"));
  EXPECT_EQ(userTableColumns(server, tableId).at("f_" + fieldId(table, "Amount")),
            "DOUBLE PRECISION");

  // Text to select adds the values as choices.
  const HttpResult toSelect =
      client.json("PATCH", tablePath(table) + "/field/" + fieldId(table, "Name"),
                  {{"type", "singleSelect"}}, workspace.owner.headers());
  ASSERT_EQ(toSelect.status, 200) << toSelect.body;
  EXPECT_EQ(toSelect.json().at("options").at("choices").as_array().size(), 4u);
}

// On PostgreSQL every pooled connection has prepared the list's statement
// before the change, which alters its column's type under it.
TEST_F(SchemaTest, ReadsOnEveryConnectionSeeATypeChangeAtOnce) {
  const auto table = createTable(client, workspace,
                                 {{"name", "T"},
                                  {"fields",
                                   {{{"name", "Name"}, {"type", "singleLineText"}},
                                    {{"name", "Amount"}, {"type", "singleLineText"}}}}});
  createRecords(client, workspace.owner, std::string(table.at("id").as_string()),
                {{{"Name", "a"}, {"Amount", "12"}}});
  const std::string list = tablePath(table) + "/record";
  // The first record's Amount as 8 clients at once read it, 5 times each.
  const auto readAtOnce = [&] {
    std::vector<std::string> answers(40);
    std::vector<std::thread> readers;
    for (int reader = 0; reader < 8; ++reader) {
      readers.emplace_back([&, reader] {
        HttpClient own(server.port());
        for (int i = 0; i < 5; ++i) {
          const HttpResult read = own.request("GET", list, "", workspace.owner.headers());
          answers[static_cast<std::size_t>(reader * 5 + i)] =
              read.status == 200 ? boost::json::serialize(
                                       read.json().at("records").at(0).at("fields").at("Amount"))
                                 : std::to_string(read.status) + " " + read.body;
        }
      });
    }
    for (std::thread& reader : readers) reader.join();
    return answers;
  };
  EXPECT_EQ(readAtOnce(), std::vector<std::string>(40, "\"12\""));
  const HttpResult changed =
      client.json("PATCH", tablePath(table) + "/field/" + fieldId(table, "Amount"),
                  {{"type", "number"}}, workspace.owner.headers());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(readAtOnce(), std::vector<std::string>(40, "12"));
}

TEST_F(SchemaTest, ViewsFilterSortAndHideAndAreAppliedByViewId) {
  const auto table = createTable(client, workspace,
                                 {{"name", "T"},
                                  {"fields",
                                   {{{"name", "Name"}, {"type", "singleLineText"}},
                                    {{"name", "N"}, {"type", "number"}},
                                    {{"name", "Secret"}, {"type", "singleLineText"}}}}});
  const std::string tableId(table.at("id").as_string());
  boost::json::array rows;
  for (int i = 0; i < 10; ++i)
    rows.push_back(
        boost::json::object{{"Name", "r" + std::to_string(i)}, {"N", i}, {"Secret", "s"}});
  createRecords(client, workspace.owner, tableId, rows);
  const HttpResult view = client.json(
      "POST", tablePath(table) + "/view",
      {{"name", "Big ones"},
       {"filter",
        {{"filterSet", {{{"fieldId", "N"}, {"operator", "isGreaterEqual"}, {"value", 5}}}}}},
       {"sort", {{{"fieldId", "N"}, {"order", "desc"}}}},
       {"hiddenFieldIds", {"Secret"}}},
      workspace.owner.headers());
  ASSERT_EQ(view.status, 201) << view.body;
  const std::string viewId(view.json().at("id").as_string());
  EXPECT_EQ(view.json().at("filter").at("filterSet").at(0).at("fieldId").as_string(),
            fieldId(table, "N"))
      << "stored by id";

  const auto viewed = client
                          .request("GET", tablePath(table) + "/record?viewId=" + viewId, "",
                                   workspace.owner.headers())
                          .json();
  ASSERT_EQ(viewed.at("records").as_array().size(), 5u);
  EXPECT_EQ(viewed.at("records").at(0).at("fields").at("N").as_int64(), 9);
  EXPECT_FALSE(viewed.at("records").at(0).at("fields").as_object().contains("Secret"));
  const std::string narrower =
      urlEncode(R"({"filterSet":[{"fieldId":"N","operator":"isLess","value":7}]})");
  const auto narrowed =
      client
          .request("GET", tablePath(table) + "/record?viewId=" + viewId + "&filter=" + narrower, "",
                   workspace.owner.headers())
          .json();
  EXPECT_EQ(narrowed.at("records").as_array().size(), 2u);

  ASSERT_EQ(client
                .request("DELETE", tablePath(table) + "/field/" + fieldId(table, "N"), "",
                         workspace.owner.headers())
                .status,
            200);
  const auto forgotten =
      client.request("GET", tablePath(table) + "/view/" + viewId, "", workspace.owner.headers())
          .json();
  EXPECT_TRUE(forgotten.at("sort").as_array().empty());
  EXPECT_TRUE(forgotten.at("filter").at("filterSet").as_array().empty());

  const auto views =
      client.request("GET", tablePath(table) + "/view", "", workspace.owner.headers()).json();
  ASSERT_EQ(views.at("views").as_array().size(), 2u);
  EXPECT_EQ(
      client.request("DELETE", tablePath(table) + "/view/" + viewId, "", workspace.owner.headers())
          .status,
      204);
  const std::string last(views.at("views").at(0).at("id").as_string());
  const HttpResult lastView =
      client.request("DELETE", tablePath(table) + "/view/" + last, "", workspace.owner.headers());
  EXPECT_EQ(lastView.status, 409);
  EXPECT_EQ(lastView.errorCode(), "last_view");
  const HttpResult badView = client.json("POST", tablePath(table) + "/view",
                                         {{"name", "Bad"}, {"sort", {{{"fieldId", "Missing"}}}}},
                                         workspace.owner.headers());
  EXPECT_EQ(badView.status, 400);
  EXPECT_EQ(badView.errorCode(), "invalid_sort");
}

TEST_F(SchemaTest, ADeletedFieldIsRestoredWithEveryValueEvenUnderATakenName) {
  const auto table = createTable(client, workspace, nameAndSizeTable());
  const std::string tableId(table.at("id").as_string());
  const std::string sizeId(table.at("fields").at(1).at("id").as_string());
  createRecords(client, workspace.owner, tableId,
                {{{"Name", "a"}, {"Size", 3}}, {{"Name", "b"}, {"Size", 5}}});
  const std::string fields = tablePath(table) + "/field";
  const Headers& as = workspace.owner.headers();
  ASSERT_EQ(client.request("DELETE", fields + "/" + sizeId, "", as).status, 200);
  const auto listed = client.json("GET", tablePath(table) + "/record", nullptr, as).json();
  EXPECT_FALSE(listed.at("records").at(0).at("fields").as_object().contains("Size"));
  ASSERT_EQ(client.json("POST", fields, {{"name", "Size"}, {"type", "singleLineText"}}, as).status,
            201)
      << "a deleted field's name is free";

  const HttpResult restored = client.request("POST", fields + "/" + sizeId + "/restore", "", as);
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json().at("name").as_string(), "Size (restored)");
  EXPECT_EQ(restored.json().at("type").as_string(), "number");
  const auto records =
      client.json("GET", tablePath(table) + "/record", nullptr, as).json().at("records");
  EXPECT_EQ(records.at(0).at("fields").at("Size (restored)").to_number<double>(), 3);
  EXPECT_EQ(records.at(1).at("fields").at("Size (restored)").to_number<double>(), 5);

  const HttpResult again = client.request("POST", fields + "/" + sizeId + "/restore", "", as);
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.errorCode(), "field_not_found");
  const std::string primary(table.at("primaryFieldId").as_string());
  EXPECT_EQ(client.request("POST", fields + "/" + primary + "/restore", "", as).errorCode(),
            "field_not_found")
      << "a live field is not in the trash";
}

TEST_F(SchemaTest, ADeletedViewIsRestoredWithItsSettingsLessTheFieldsDeletedSince) {
  const auto table = createTable(client, workspace, nameAndSizeTable());
  const std::string views = tablePath(table) + "/view";
  const Headers& as = workspace.owner.headers();
  const HttpResult created = client.json(
      "POST", views,
      {{"name", "Big first"},
       {"sort", {{{"fieldId", "Size"}, {"order", "desc"}}, {{"fieldId", "Name"}}}},
       {"filter", {{"filterSet", {{{"fieldId", "Name"}, {"operator", "isNotEmpty"}}}}}}},
      as);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string viewId(created.json().at("id").as_string());
  ASSERT_EQ(client.request("DELETE", views + "/" + viewId, "", as).status, 204);
  EXPECT_EQ(client.request("GET", views + "/" + viewId, "", as).status, 404);
  EXPECT_EQ(client.json("GET", views, nullptr, as).json().at("views").as_array().size(), 1u);
  const std::string sizeId(table.at("fields").at(1).at("id").as_string());
  ASSERT_EQ(client.request("DELETE", tablePath(table) + "/field/" + sizeId, "", as).status, 200);

  const HttpResult restored = client.request("POST", views + "/" + viewId + "/restore", "", as);
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json().at("name").as_string(), "Big first");
  EXPECT_EQ(restored.json().at("sort").as_array().size(), 1u)
      << "the sort on the field deleted since is gone: " << restored.body;
  EXPECT_FALSE(restored.json().at("filter").is_null());
  EXPECT_EQ(client.json("GET", views, nullptr, as).json().at("views").as_array().size(), 2u);
  EXPECT_EQ(client.request("POST", views + "/" + viewId + "/restore", "", as).errorCode(),
            "view_not_found");

  // The last live view stays, whatever the trash holds.
  const auto all = client.json("GET", views, nullptr, as).json().at("views").as_array();
  ASSERT_EQ(
      client.request("DELETE", views + "/" + std::string(all.at(0).at("id").as_string()), "", as)
          .status,
      204);
  EXPECT_EQ(client.request("DELETE", views + "/" + viewId, "", as).errorCode(), "last_view");
}

TEST(TrashRetentionTest, TheTrashIsEmptiedAfterItsRetention) {
  TestServer server({"--trash-retention-days", "0", "--last-used-flush-seconds", "1"});
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const auto table = createTable(client, workspace, nameAndSizeTable());
  const std::string tableId(table.at("id").as_string());
  const std::string sizeId(table.at("fields").at(1).at("id").as_string());
  const std::string field = "/api/table/" + tableId + "/field/" + sizeId;
  ASSERT_EQ(client.request("DELETE", field, "", workspace.owner.headers()).status, 200);
  for (int i = 0; i < 100 && userTableColumns(server, tableId).contains("f_" + sizeId); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_FALSE(userTableColumns(server, tableId).contains("f_" + sizeId))
      << "the column is dropped";
  EXPECT_EQ(client.request("POST", field + "/restore", "", workspace.owner.headers()).errorCode(),
            "field_not_found");
}

}  // namespace
}  // namespace tessera::testing
