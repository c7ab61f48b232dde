// Records: create, read, update, delete, singly and in batches of up to
// 1,000, all-or-nothing; strict validation per field type and typecast;
// computed fields refused; optimistic versions; concurrent writers.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <thread>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

class RecordsTest : public ::testing::Test {
 protected:
  RecordsTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    table = createTable(client, workspace, boost::json::parse(R"({"name":"Items","fields":[
      {"name":"Name","type":"singleLineText"},
      {"name":"Qty","type":"number"},
      {"name":"Ok","type":"checkbox"},
      {"name":"When","type":"date","options":{"dateOnly":false}},
      {"name":"Kind","type":"singleSelect","options":{"choices":[{"name":"A"}]}},
      {"name":"Labels","type":"multipleSelect"},
      {"name":"Mail","type":"email"},
      {"name":"Link","type":"url"},
      {"name":"Score","type":"rating","options":{"max":5}},
      {"name":"Seq","type":"autoNumber"},
      {"name":"Changed","type":"lastModifiedTime"}]})"));
    tableId = std::string(table.at("id").as_string());
    records = "/api/table/" + tableId + "/record";
  }

  HttpResult post(const boost::json::value& body) {
    return client.json("POST", records, body, workspace.owner.headers());
  }
  HttpResult postFields(const boost::json::value& fields, bool typecast = false) {
    return post({{"records", {{{"fields", fields}}}}, {"typecast", typecast}});
  }
  std::int64_t count() {
    return client.request("GET", records + "/count", "", workspace.owner.headers())
        .json()
        .at("count")
        .as_int64();
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  boost::json::value table;
  std::string tableId;
  std::string records;
};

TEST_F(RecordsTest, CreateReadUpdateDelete) {
  const HttpResult created = postFields({{"Name", "Bolt"},
                                         {"Qty", 12},
                                         {"Ok", true},
                                         {"When", "2026-11-27T10:30:00+01:00"},
                                         {"Kind", "A"},
                                         {"Mail", "x@y.io"},
                                         {"Link", "https://example.com/a?b=c"},
                                         {"Score", 4}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto record = created.json().at("records").at(0);
  const std::string id(record.at("id").as_string());
  EXPECT_EQ(id.rfind("rec", 0), 0u);
  const auto& fields = record.at("fields");
  EXPECT_EQ(fields.at("Qty").as_int64(), 12);
  EXPECT_EQ(fields.at("When").as_string(), "2026-11-27T09:30:00.000Z");
  EXPECT_EQ(fields.at("Seq").as_int64(), 1);
  EXPECT_FALSE(fields.as_object().contains("Labels")) << "empty cells are omitted";
  EXPECT_EQ(record.at("createdBy").as_string(), workspace.owner.id);
  EXPECT_EQ(record.at("version").as_int64(), 1);

  const HttpResult got = client.request("GET", records + "/" + id, "", workspace.owner.headers());
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json().at("fields").at("Name").as_string(), "Bolt");

  const HttpResult patched =
      client.json("PATCH", records + "/" + id, {{"fields", {{"Qty", 13}, {"Ok", nullptr}}}},
                  workspace.owner.headers());
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json().at("fields").at("Qty").as_int64(), 13);
  EXPECT_EQ(patched.json().at("fields").at("Name").as_string(), "Bolt") << "untouched";
  EXPECT_FALSE(patched.json().at("fields").as_object().contains("Ok"));
  EXPECT_EQ(patched.json().at("version").as_int64(), 2);

  EXPECT_EQ(client.request("DELETE", records + "/" + id, "", workspace.owner.headers()).status,
            200);
  const HttpResult gone = client.request("GET", records + "/" + id, "", workspace.owner.headers());
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.errorCode(), "record_not_found");
}

TEST_F(RecordsTest, StrictValidationNamesTheFieldAndTheRecord) {
  const struct {
    boost::json::value fields;
    std::string code;
    std::string mention;
  } cases[] = {
      {{{"Qty", "12"}}, "invalid_cell", "'Qty'"},
      {{{"Ok", "yes"}}, "invalid_cell", "'Ok'"},
      {{{"When", "tomorrow"}}, "invalid_cell", "'When'"},
      {{{"Kind", "B"}}, "invalid_cell", "'Kind'"},
      {{{"Labels", "x"}}, "invalid_cell", "'Labels'"},
      {{{"Mail", "nope"}}, "invalid_cell", "'Mail'"},
      {{{"Link", "not a url"}}, "invalid_cell", "'Link'"},
      {{{"Score", 6}}, "invalid_cell", "'Score'"},
      {{{"Score", 2.5}}, "invalid_cell", "'Score'"},
      {{{"Name", "two\nlines"}}, "invalid_cell", "'Name'"},
      {{{"Seq", 5}}, "field_not_writable", "'Seq'"},
      {{{"Changed", "2026-01-01"}}, "field_not_writable", "'Changed'"},
      {{{"Nope", 1}}, "unknown_field", "'Nope'"},
  };
  for (const auto& c : cases) {
    const HttpResult result =
        post({{"records", {{{"fields", {{"Name", "ok"}}}}, {{"fields", c.fields}}}}});
    EXPECT_EQ(result.status, 400) << result.body;
    EXPECT_EQ(result.errorCode(), c.code) << result.body;
    const std::string message(result.json().at("message").as_string());
    EXPECT_NE(message.find(c.mention), std::string::npos) << message;
    EXPECT_NE(message.find("records[1]"), std::string::npos) << message;
  }
  EXPECT_EQ(count(), 0) << "a bad record in a batch writes nothing";
}

TEST_F(RecordsTest, ARefusedCellOfOneRecordReadsAsASentenceAndSchemelessUrlsAreHttps) {
  const HttpResult created = postFields({{"Link", "soylent.com"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto record = created.json().at("records").at(0);
  EXPECT_EQ(record.at("fields").at("Link").as_string(), "https://soylent.com");
  const std::string id(record.at("id").as_string());
  const HttpResult refused = client.json(
      "PATCH", records + "/" + id, {{"fields", {{"Mail", "nope"}}}}, workspace.owner.headers());
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json().at("message").as_string(),
            "In the record, field 'Mail' (email): 'nope' is not an email address.");
}

TEST_F(RecordsTest, TypecastConvertsAndAddsChoices) {
  const HttpResult result = postFields({{"Qty", "3"},
                                        {"Ok", "yes"},
                                        {"Kind", "Brand new"},
                                        {"Labels", "x, y"},
                                        {"Link", "example.com"},
                                        {"Score", "2"},
                                        {"Name", 42}},
                                       true);
  ASSERT_EQ(result.status, 201) << result.body;
  const auto fields = result.json().at("records").at(0).at("fields");
  EXPECT_EQ(fields.at("Qty").as_int64(), 3);
  EXPECT_TRUE(fields.at("Ok").as_bool());
  EXPECT_EQ(fields.at("Kind").as_string(), "Brand new");
  EXPECT_EQ(fields.at("Labels"), boost::json::parse(R"(["x","y"])"));
  EXPECT_EQ(fields.at("Link").as_string(), "https://example.com");
  EXPECT_EQ(fields.at("Name").as_string(), "42");
  const auto field =
      client
          .request("GET", "/api/table/" + tableId + "/field/" + fieldId(table, "Kind"), "",
                   workspace.owner.headers())
          .json();
  EXPECT_EQ(field.at("options").at("choices").as_array().size(), 2u);
}

TEST_F(RecordsTest, AThousandRecordsInOneRequestAndTheLimit) {
  boost::json::array batch;
  for (int i = 0; i < 1000; ++i) {
    batch.push_back(
        boost::json::object{{"fields", {{"Name", "n" + std::to_string(i)}, {"Qty", i}}}});
  }
  const HttpResult created = post({{"records", batch}});
  ASSERT_EQ(created.status, 201) << created.body.substr(0, 300);
  EXPECT_EQ(created.json().at("records").as_array().size(), 1000u);
  EXPECT_EQ(count(), 1000);
  batch.push_back(boost::json::object{{"fields", boost::json::object()}});
  const HttpResult tooMany = post({{"records", batch}});
  EXPECT_EQ(tooMany.status, 400);
  EXPECT_EQ(tooMany.errorCode(), "too_many_records");
}

TEST_F(RecordsTest, BatchUpdateAndDeleteAreAllOrNothing) {
  const auto created = createRecords(client, workspace.owner, tableId,
                                     {{{"Name", "a"}}, {{"Name", "b"}}, {{"Name", "c"}}});
  const std::string a(created[0].at("id").as_string()), b(created[1].at("id").as_string()),
      c(created[2].at("id").as_string());
  const HttpResult update = client.json(
      "PATCH", records,
      {{"records", {{{"id", a}, {"fields", {{"Qty", 1}}}}, {{"id", b}, {"fields", {{"Qty", 2}}}}}}},
      workspace.owner.headers());
  ASSERT_EQ(update.status, 200) << update.body;
  EXPECT_EQ(update.json().at("records").at(1).at("fields").at("Qty").as_int64(), 2);

  const HttpResult badUpdate = client.json(
      "PATCH", records,
      {{"records",
        {{{"id", a}, {"fields", {{"Qty", 9}}}}, {{"id", "recMissing"}, {"fields", {{"Qty", 9}}}}}}},
      workspace.owner.headers());
  EXPECT_EQ(badUpdate.status, 404);
  const auto stillA =
      client.request("GET", records + "/" + a, "", workspace.owner.headers()).json();
  EXPECT_EQ(stillA.at("fields").at("Qty").as_int64(), 1) << "nothing of a failed batch is kept";

  const HttpResult badDelete =
      client.request("DELETE", records + "?recordIds=" + a + "&recordIds=recMissing", "",
                     workspace.owner.headers());
  EXPECT_EQ(badDelete.status, 404);
  EXPECT_EQ(count(), 3);
  const HttpResult deleted = client.request("DELETE", records + "?recordIds=" + a + "," + b, "",
                                            workspace.owner.headers());
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(count(), 1);
  EXPECT_EQ(client.request("GET", records + "/" + c, "", workspace.owner.headers()).status, 200);
}

TEST_F(RecordsTest, ARecordListedTwiceInOneUpdateIsAnsweredWithItsLastStateEachTime) {
  const auto created =
      createRecords(client, workspace.owner, tableId, {{{"Name", "a"}}, {{"Name", "b"}}});
  const std::string a(created[0].at("id").as_string()), b(created[1].at("id").as_string());
  const HttpResult update = client.json("PATCH", records,
                                        {{"records",
                                          {{{"id", a}, {"fields", {{"Qty", 1}}}},
                                           {{"id", b}, {"fields", {{"Qty", 5}}}},
                                           {{"id", a}, {"fields", {{"Name", "a2"}}}}}}},
                                        workspace.owner.headers());
  ASSERT_EQ(update.status, 200) << update.body;
  const boost::json::value body = update.json();
  const auto& answered = body.at("records").as_array();
  ASSERT_EQ(answered.size(), 3u);
  for (const std::size_t i : {0u, 2u}) {
    EXPECT_EQ(answered.at(i).at("id").as_string(), a);
    EXPECT_EQ(answered.at(i).at("fields").at("Name").as_string(), "a2") << i;
    EXPECT_EQ(answered.at(i).at("fields").at("Qty").as_int64(), 1) << i;
  }
  EXPECT_EQ(answered.at(1).at("id").as_string(), b);
  EXPECT_EQ(answered.at(1).at("fields").at("Qty").as_int64(), 5);
}

TEST_F(RecordsTest, AStaleVersionIsAConflictNotALostUpdate) {
  const auto created = createRecords(client, workspace.owner, tableId, {{{"Name", "v"}}});
  const std::string id(created[0].at("id").as_string());
  ASSERT_EQ(client
                .json("PATCH", records + "/" + id, {{"fields", {{"Qty", 1}}}, {"version", 1}},
                      workspace.owner.headers())
                .status,
            200);
  const HttpResult stale =
      client.json("PATCH", records + "/" + id, {{"fields", {{"Qty", 2}}}, {"version", 1}},
                  workspace.owner.headers());
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.errorCode(), "version_conflict");
  const auto record =
      client.request("GET", records + "/" + id, "", workspace.owner.headers()).json();
  EXPECT_EQ(record.at("fields").at("Qty").as_int64(), 1);
}

TEST_F(RecordsTest, ConcurrentWritersLoseNothing) {
  const auto created = createRecords(client, workspace.owner, tableId, {{{"Name", "shared"}}});
  const std::string id(created[0].at("id").as_string());
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        // Half the writers append records, half update the shared one.
        const HttpResult result =
            t % 2 == 0
                ? client.json("POST", records,
                              {{"records", {{{"fields", {{"Name", "t" + std::to_string(t)}}}}}}},
                              workspace.owner.headers())
                : client.json("PATCH", records + "/" + id, {{"fields", {{"Qty", t * 100 + i}}}},
                              workspace.owner.headers());
        if (result.status >= 300) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count(), 1 + (kThreads / 2) * kEach);
  const auto record =
      client.request("GET", records + "/" + id, "", workspace.owner.headers()).json();
  EXPECT_EQ(record.at("version").as_int64(), 1 + (kThreads / 2) * kEach) << "every update counted";
}

TEST_F(RecordsTest, ReadOptionsShapeTheResponse) {
  createRecords(client, workspace.owner, tableId, {{{"Name", "x"}, {"Qty", 2.5}, {"Ok", true}}});
  const auto byId =
      client.request("GET", records + "?fieldKeyType=id", "", workspace.owner.headers()).json();
  EXPECT_TRUE(byId.at("records").at(0).at("fields").as_object().contains(fieldId(table, "Name")));
  const auto text =
      client.request("GET", records + "?cellFormat=text", "", workspace.owner.headers()).json();
  EXPECT_EQ(text.at("records").at(0).at("fields").at("Qty").as_string(), "2.50");
  const auto projected =
      client
          .request("GET", records + "?projection=Name&projection=Ok", "", workspace.owner.headers())
          .json();
  EXPECT_EQ(projected.at("records").at(0).at("fields").as_object().size(), 2u);
  for (const std::string bad : {"take=0", "take=1001", "skip=-1", "fieldKeyType=x", "cellFormat=x",
                                "projection=Nope", "bogus=1"}) {
    const HttpResult result =
        client.request("GET", records + "?" + bad, "", workspace.owner.headers());
    EXPECT_EQ(result.status, 400) << bad << " " << result.body;
  }
}

TEST_F(RecordsTest, UserFieldsShowWhoCreatedAndLastChangedARecord) {
  // Another table, since the users are joined only for tables that show them.
  const auto people = createTable(client, workspace, boost::json::parse(R"({"name":"People",
      "fields":[{"name":"Name","type":"singleLineText"},{"name":"Author","type":"createdBy"},
      {"name":"Editor","type":"lastModifiedBy"}]})"));
  const std::string tableOfPeople(people.at("id").as_string());
  createRecords(client, workspace.owner, tableOfPeople, {{{"Name", "x"}}});
  const std::string list = "/api/table/" + tableOfPeople + "/record";
  const auto json = client.request("GET", list, "", workspace.owner.headers()).json();
  const auto& fields = json.at("records").at(0).at("fields");
  for (const char* field : {"Author", "Editor"}) {
    EXPECT_EQ(fields.at(field).at("id").as_string(), workspace.owner.id) << field;
    EXPECT_EQ(fields.at(field).at("email").as_string(), "ada@example.com") << field;
    EXPECT_FALSE(fields.at(field).at("name").as_string().empty()) << field;
  }
  const auto text =
      client.request("GET", list + "?cellFormat=text", "", workspace.owner.headers()).json();
  EXPECT_EQ(text.at("records").at(0).at("fields").at("Author"), fields.at("Author").at("name"));
}

TEST_F(RecordsTest, SearchFindsTextAcrossFields) {
  createRecords(
      client, workspace.owner, tableId,
      {{{"Name", "Red bolt"}}, {{"Name", "nut"}, {"Mail", "red@x.io"}}, {{"Name", "washer"}}});
  const auto found =
      client.request("GET", records + "?search=RED", "", workspace.owner.headers()).json();
  EXPECT_EQ(found.at("records").as_array().size(), 2u);
}

}  // namespace
}  // namespace tessera::testing
