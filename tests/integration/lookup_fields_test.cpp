// Lookup and rollup fields through the REST API, on both backends: the
// values of a field of the linked records, in link order and computed on
// every read (so they follow the linked records); lookups of a formula and
// of another lookup, and rollups and formulas over those (lists of lists,
// flattened); broken when the link or the looked-up field goes, and
// circular chains refused; every rollup function; their filters (a
// lookup's values compared one by one); refusals of bad options.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/sort_indexes.h"
#include "support/sql_columns.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

class LookupFieldsTest : public ::testing::Test {
 protected:
  LookupFieldsTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    people = idOf(createTable(client, workspace, {{"name", "People"}}));
    projects = idOf(createTable(
        client, workspace,
        boost::json::parse(R"({"name":"Projects","fields":[{"name":"Name","type":"singleLineText"},
            {"name":"Budget","type":"number","options":{"precision":0}},
            {"name":"Due","type":"date"}]})")));
    tasks = idOf(createTable(client, workspace, {{"name", "Tasks"}}));
    for (const auto& made :
         createRecords(client, workspace.owner, people,
                       boost::json::parse(R"([{"Name":"Ada"},{"Name":"Grace"}])").as_array())) {
      person.emplace_back(made.at("id").as_string());
    }
    for (const auto& made :
         createRecords(client, workspace.owner, projects,
                       boost::json::parse(R"([{"Name":"Apollo","Budget":100,"Due":"2026-03-01"},
                 {"Name":"Gemini","Budget":250},{"Name":"Mercury"}])")
                           .as_array())) {
      project.emplace_back(made.at("id").as_string());
    }
    for (const auto& made :
         createRecords(client, workspace.owner, tasks,
                       boost::json::parse(R"([{"Name":"Design"},{"Name":"Build"}])").as_array())) {
      task.emplace_back(made.at("id").as_string());
    }
    linkField = addField(tasks, {{"name", "Project"},
                                 {"type", "link"},
                                 {"options", {{"linkedTableId", projects}}}})
                    .json();
  }

  static std::string idOf(const boost::json::value& made) {
    return std::string(made.at("id").as_string());
  }

  HttpResult addField(const std::string& tableId, const boost::json::value& body) {
    return postField(client, workspace.owner, tableId, body);
  }

  // Adds lookup `name` to Tasks through `link` of `field` (ids); expects 201.
  boost::json::value addLookup(const std::string& tableId, const std::string& name,
                               const std::string& link, const std::string& field) {
    const HttpResult added =
        addField(tableId, {{"name", name},
                           {"type", "lookup"},
                           {"options", {{"linkFieldId", link}, {"lookupFieldId", field}}}});
    EXPECT_EQ(added.status, 201) << added.body << server.logText();
    return added.json();
  }

  HttpResult write(const std::string& tableId, const std::string& recordId,
                   const boost::json::object& fields) {
    return patchRecord(client, workspace.owner, tableId, recordId, fields);
  }

  // A cell as JSON text ("-" when empty).
  std::string cell(const std::string& tableId, const std::string& recordId,
                   const std::string& field, const std::string& query = "") {
    const HttpResult read =
        client.request("GET", "/api/table/" + tableId + "/record/" + recordId + query, "",
                       workspace.owner.headers());
    EXPECT_EQ(read.status, 200) << read.body << server.logText();
    const boost::json::value body = read.json();
    const auto* value = body.at("fields").as_object().if_contains(field);
    return value ? boost::json::serialize(*value) : "-";
  }

  std::string fieldOf(const std::string& tableId, const std::string& name) {
    return testing::fieldIdOf(client, workspace.owner, tableId, name);
  }

  // Adds rollup "Total" to Tasks: the sum of the linked projects' budgets.
  void addBudgetTotal(const std::string& link) {
    const HttpResult added = postField(client, workspace.owner, tasks,
                                       {{"name", "Total"},
                                        {"type", "rollup"},
                                        {"options",
                                         {{"linkFieldId", link},
                                          {"lookupFieldId", fieldOf(projects, "Budget")},
                                          {"function", "sum"}}}});
    EXPECT_EQ(added.status, 201) << added.body;
  }

  HttpResult orderedBy(const std::string& field, const std::string& order) {
    return client.request(
        "GET",
        "/api/table/" + tasks + "/record?orderBy=" +
            urlEncode(R"([{"fieldId":")" + field + R"(","order":")" + order + R"("}])"),
        "", workspace.owner.headers());
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  std::string people, projects, tasks;
  std::vector<std::string> person, project, task;
  boost::json::value linkField;
};

TEST_F(LookupFieldsTest, ALookupShowsTheLinkedRecordsValuesInLinkOrderAndFollowsThem) {
  const std::string link(linkField.at("id").as_string());
  const boost::json::value budget = addLookup(tasks, "Budgets", link, fieldOf(projects, "Budget"));
  EXPECT_TRUE(budget.at("isComputed").as_bool());
  EXPECT_EQ(budget.at("options").at("result").at("type").as_string(), "number");
  addLookup(tasks, "Names", link, fieldOf(projects, "Name"));
  addLookup(tasks, "Dues", link, fieldOf(projects, "Due"));

  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[1], project[0], project[2]}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Budgets"), "[250,100]") << "empty values are left out";
  EXPECT_EQ(cell(tasks, task[0], "Names"), R"(["Gemini","Apollo","Mercury"])");
  EXPECT_EQ(cell(tasks, task[0], "Dues"), R"(["2026-03-01"])");
  EXPECT_EQ(cell(tasks, task[0], "Names", "?cellFormat=text"), R"("Gemini, Apollo, Mercury")");
  EXPECT_EQ(cell(tasks, task[1], "Names"), "-");

  // Computed on read: the linked record's change shows at once.
  ASSERT_EQ(write(projects, project[0], {{"Budget", 120}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Budgets"), "[250,120]");
  const HttpResult writeLookup = write(tasks, task[0], {{"Budgets", boost::json::array{1}}});
  EXPECT_EQ(writeLookup.status, 400);
  EXPECT_EQ(writeLookup.errorCode(), "field_not_writable");
}

TEST_F(LookupFieldsTest, LookupsAndLinkTitlesKeepTextAsWrittenAndNumbersAsTyped) {
  // What the database writes into a materialised cell is copied into the
  // response item by item: text that needs escaping, and numbers whole or
  // not, must come out as they went in, on both backends.
  const std::string link(linkField.at("id").as_string());
  addLookup(tasks, "Names", link, fieldOf(projects, "Name"));
  addLookup(tasks, "Budgets", link, fieldOf(projects, "Budget"));
  addLookup(tasks, "Dues", link, fieldOf(projects, "Due"));
  const std::string awkward = "Say \"hi\" \\ to the \u2603, [a], {b}";
  ASSERT_EQ(write(projects, project[0], {{"Name", awkward}, {"Budget", 2.5}}).status, 200);
  ASSERT_EQ(write(projects, project[1], {{"Name", ""}, {"Budget", -3}}).status, 200);
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1], project[2]}}}).status, 200);

  // Empty values are left out of a lookup (not of a link cell).
  EXPECT_EQ(boost::json::parse(cell(tasks, task[0], "Names")),
            (boost::json::array{boost::json::string(awkward), "Mercury"}));
  EXPECT_EQ(boost::json::parse(cell(tasks, task[0], "Budgets")), (boost::json::array{2.5, -3}));
  EXPECT_EQ(cell(tasks, task[0], "Dues"), R"(["2026-03-01"])");
  EXPECT_EQ(boost::json::parse(cell(tasks, task[0], "Names", "?cellFormat=text")),
            boost::json::string(awkward + ", Mercury"));
  // As text, at the field's precision (0).
  EXPECT_EQ(cell(tasks, task[0], "Budgets", "?cellFormat=text"), R"("2, -3")");

  const boost::json::value links = boost::json::parse(cell(tasks, task[0], "Project"));
  ASSERT_EQ(links.as_array().size(), 3u);
  EXPECT_EQ(links.at(0), (boost::json::object{{"id", project[0]}, {"title", awkward}}));
  EXPECT_EQ(links.at(1), (boost::json::object{{"id", project[1]}, {"title", ""}}));
  EXPECT_EQ(boost::json::parse(cell(tasks, task[0], "Project", "?cellFormat=text")),
            boost::json::string(awkward + ", , Mercury"));
}

TEST_F(LookupFieldsTest, LookupsOfFormulasAndOfLookupsAreFlattened) {
  const std::string link(linkField.at("id").as_string());
  const HttpResult doubled = addField(
      projects,
      {{"name", "Double"}, {"type", "formula"}, {"options", {{"expression", "{Budget} * 2"}}}});
  ASSERT_EQ(doubled.status, 201) << doubled.body;
  addLookup(tasks, "Doubled", link, std::string(doubled.json().at("id").as_string()));

  const HttpResult lead = addField(
      projects, {{"name", "Lead"}, {"type", "link"}, {"options", {{"linkedTableId", people}}}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  const boost::json::value leadName =
      addLookup(projects, "Lead name", std::string(lead.json().at("id").as_string()),
                fieldOf(people, "Name"));
  addLookup(tasks, "Lead names", link, std::string(leadName.at("id").as_string()));

  ASSERT_EQ(write(projects, project[0], {{"Lead", {person[0], person[1]}}}).status, 200);
  ASSERT_EQ(write(projects, project[1], {{"Lead", boost::json::array{person[1]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Doubled"), "[200,500]");
  EXPECT_EQ(cell(tasks, task[0], "Lead names"), R"(["Ada","Grace","Grace"])");
}

TEST_F(LookupFieldsTest, ListsOfListsAreFlattenedForLookupsRollupsAndFormulas) {
  const std::string link(linkField.at("id").as_string());
  const std::string teams = idOf(createTable(client, workspace, {{"name", "Teams"}}));
  std::vector<std::string> team;
  for (const auto& made :
       createRecords(client, workspace.owner, teams,
                     boost::json::parse(R"([{"Name":"Red"},{"Name":"Blue"}])").as_array())) {
    team.emplace_back(made.at("id").as_string());
  }
  ASSERT_EQ(addField(people, {{"name", "Score"}, {"type", "number"}}).status, 201);
  const HttpResult teamLink = addField(
      people, {{"name", "Team"}, {"type", "link"}, {"options", {{"linkedTableId", teams}}}});
  ASSERT_EQ(teamLink.status, 201) << teamLink.body;
  const boost::json::value teamName =
      addLookup(people, "Team name", idOf(teamLink.json()), fieldOf(teams, "Name"));
  const HttpResult lead = addField(
      projects, {{"name", "Lead"}, {"type", "link"}, {"options", {{"linkedTableId", people}}}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  const boost::json::value leadScore =
      addLookup(projects, "Lead score", idOf(lead.json()), fieldOf(people, "Score"));
  const boost::json::value leadTeams =
      addLookup(projects, "Lead teams", idOf(lead.json()), idOf(teamName));
  addLookup(tasks, "Lead scores", link, idOf(leadScore));
  addLookup(tasks, "Teams", link, idOf(leadTeams));
  const auto addRollup = [&](const std::string& name, const std::string& function) {
    const HttpResult added = addField(tasks, {{"name", name},
                                              {"type", "rollup"},
                                              {"options",
                                               {{"linkFieldId", link},
                                                {"lookupFieldId", idOf(leadScore)},
                                                {"function", function},
                                                {"separator", "; "}}}});
    EXPECT_EQ(added.status, 201) << name << ": " << added.body;
  };
  for (const char* function : {"sum", "max", "count", "concatenate", "arrayUnique"}) {
    addRollup(function, function);
  }
  const auto addFormula = [&](const std::string& name, const std::string& expression) {
    const HttpResult added = addField(
        tasks, {{"name", name}, {"type", "formula"}, {"options", {{"expression", expression}}}});
    EXPECT_EQ(added.status, 201) << name << ": " << added.body;
  };
  addFormula("Scores said", R"("Scores: " & {Lead scores})");
  addFormula("Unique said", R"("Unique: " & {arrayUnique})");

  ASSERT_EQ(write(people, person[0], {{"Score", 3}, {"Team", boost::json::array{team[0]}}}).status,
            200);
  ASSERT_EQ(write(people, person[1], {{"Score", 5}, {"Team", {team[1], team[0]}}}).status, 200);
  ASSERT_EQ(write(projects, project[0], {{"Lead", {person[0], person[1]}}}).status, 200);
  ASSERT_EQ(write(projects, project[1], {{"Lead", boost::json::array{person[1]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);

  EXPECT_EQ(cell(tasks, task[0], "Lead scores"), "[3,5,5]") << "a lookup of a lookup";
  EXPECT_EQ(cell(tasks, task[0], "Teams"), R"(["Red","Blue","Red","Blue","Red"])")
      << "a lookup of a lookup of a lookup, in link order at every level";
  EXPECT_EQ(cell(tasks, task[0], "sum"), "13");
  EXPECT_EQ(cell(tasks, task[0], "max"), "5");
  EXPECT_EQ(cell(tasks, task[0], "count"), "3");
  EXPECT_EQ(cell(tasks, task[0], "concatenate"), R"("3; 5; 5")");
  EXPECT_EQ(cell(tasks, task[0], "arrayUnique"), "[3,5]");
  EXPECT_EQ(cell(tasks, task[0], "Scores said"), R"("Scores: 3, 5, 5")");
  EXPECT_EQ(cell(tasks, task[0], "Unique said"), R"("Unique: 3, 5")");
  EXPECT_EQ(cell(tasks, task[1], "sum"), "0");
  EXPECT_EQ(cell(tasks, task[1], "Lead scores"), "-");

  // Two links away, a change is followed at every level.
  ASSERT_EQ(write(people, person[1], {{"Score", 7}}).status, 200);
  ASSERT_EQ(write(teams, team[0], {{"Name", "Crimson"}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Lead scores"), "[3,7,7]");
  EXPECT_EQ(cell(tasks, task[0], "sum"), "17");
  EXPECT_EQ(cell(tasks, task[0], "Unique said"), R"("Unique: 3, 7")");
  EXPECT_EQ(cell(tasks, task[0], "Teams"), R"(["Crimson","Blue","Crimson","Blue","Crimson"])");
  const HttpResult found = client.request(
      "GET",
      "/api/table/" + tasks + "/record?filter=" +
          urlEncode(R"({"filterSet":[{"fieldId":"sum","operator":"isGreater","value":15}]})"),
      "", workspace.owner.headers());
  EXPECT_EQ(recordNames(found), std::vector<std::string>{"Design"});

  const HttpResult overLinks = addField(
      tasks,
      {{"name", "Bad"},
       {"type", "rollup"},
       {"options",
        {{"linkFieldId", link}, {"lookupFieldId", idOf(lead.json())}, {"function", "countAll"}}}});
  EXPECT_EQ(overLinks.status, 400);
  EXPECT_NE(overLinks.body.find("cannot roll up links"), std::string::npos) << overLinks.body;
}

TEST_F(LookupFieldsTest, ValuesStoredInAnOlderFormAreComputedAgainAtStartUp) {
  const std::string link(linkField.at("id").as_string());
  const HttpResult lead = addField(
      projects, {{"name", "Lead"}, {"type", "link"}, {"options", {{"linkedTableId", people}}}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  const boost::json::value leadName =
      addLookup(projects, "Lead name", idOf(lead.json()), fieldOf(people, "Name"));
  const std::string leadNames = idOf(addLookup(tasks, "Lead names", link, idOf(leadName)));
  ASSERT_EQ(write(projects, project[0], {{"Lead", {person[0], person[1]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);
  ASSERT_EQ(cell(tasks, task[0], "Lead names"), R"(["Ada","Grace"])");

  // As the build before format 1 stored a lookup of a lookup: a list of lists.
  ASSERT_EQ(server.stop(), 0);
  executeBehindTheServer(server, "UPDATE \"t_" + tasks + "\" SET \"m_" + leadNames +
                                     "\" = '[[\"Ada\",\"Grace\"]]'; "
                                     "UPDATE materialised_format SET version = 0");
  server.restart();
  EXPECT_EQ(cell(tasks, task[0], "Lead names"), R"(["Ada","Grace"])");
  EXPECT_NE(server.logText().find("computed the linked values of 1 base(s) again"),
            std::string::npos)
      << server.logText();
}

TEST_F(LookupFieldsTest, LookupsFilterByTheirValuesTypeWhenAnyValueMatches) {
  const std::string link(linkField.at("id").as_string());
  ASSERT_EQ(addField(projects, {{"name", "Active"}, {"type", "checkbox"}}).status, 201);
  ASSERT_EQ(write(projects, project[0], {{"Active", true}}).status, 200);
  addLookup(tasks, "Budgets", link, fieldOf(projects, "Budget"));
  addLookup(tasks, "Dues", link, fieldOf(projects, "Due"));
  addLookup(tasks, "Names", link, fieldOf(projects, "Name"));
  addLookup(tasks, "Actives", link, fieldOf(projects, "Active"));
  addLookup(tasks, "Task links", link, fieldOf(projects, "Tasks"));
  ASSERT_EQ(addField(tasks, {{"name", "Unique budgets"},
                             {"type", "rollup"},
                             {"options",
                              {{"linkFieldId", link},
                               {"lookupFieldId", fieldOf(projects, "Budget")},
                               {"function", "arrayUnique"}}}})
                .status,
            201);
  const auto made = createRecords(client, workspace.owner, tasks,
                                  boost::json::parse(R"([{"Name":"Test"}])").as_array());
  const std::string test(made[0].at("id").as_string());
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[1], project[0]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[1], {{"Project", boost::json::array{project[2]}}}).status, 200);
  ASSERT_EQ(write(tasks, test, {{"Project", boost::json::array{project[0]}}}).status, 200);

  const auto where = [&](const std::string& field, const std::string& op,
                         const boost::json::value& value) {
    const boost::json::value filter = {
        {"filterSet", {{{"fieldId", field}, {"operator", op}, {"value", value}}}}};
    return client.request(
        "GET",
        "/api/table/" + tasks + "/record?filter=" + urlEncode(boost::json::serialize(filter)), "",
        workspace.owner.headers());
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(recordNames(where("Budgets", "isGreater", 200)), Names{"Design"});
  EXPECT_EQ(recordNames(where("Budgets", "isLess", 200)), (Names{"Design", "Test"}));
  EXPECT_EQ(recordNames(where("Budgets", "is", 100)), (Names{"Design", "Test"}));
  EXPECT_EQ(recordNames(where("Budgets", "isNot", 100)), Names{"Build"})
      << "no value is 100 (Build's project has no budget)";
  EXPECT_EQ(recordNames(where("Budgets", "contains", "25")), Names{"Design"})
      << "the text operators stay";
  EXPECT_EQ(recordNames(where("Dues", "is", "2026-03-01")), (Names{"Design", "Test"}));
  EXPECT_EQ(recordNames(where("Dues", "isLess", "2026-01-01")), Names{});
  EXPECT_EQ(recordNames(where("Names", "is", "Gemini")), Names{"Design"});
  EXPECT_EQ(recordNames(where("Names", "isNot", "Gemini")), (Names{"Build", "Test"}));
  EXPECT_EQ(recordNames(where("Actives", "is", true)), (Names{"Design", "Test"}));
  EXPECT_EQ(recordNames(where("Actives", "is", false)), Names{"Build"});
  EXPECT_EQ(recordNames(where("Unique budgets", "isGreaterEqual", 250)), Names{"Design"});

  const HttpResult notANumber = where("Budgets", "isGreater", "lots");
  EXPECT_EQ(notANumber.status, 400);
  EXPECT_EQ(notANumber.errorCode(), "invalid_filter");
  const HttpResult ofLinks = where("Task links", "isGreater", 1);
  EXPECT_EQ(ofLinks.status, 400) << "a list of links is not compared one by one";
  EXPECT_NE(ofLinks.body.find("does not apply"), std::string::npos) << ofLinks.body;
}

TEST_F(LookupFieldsTest, ALookupBreaksWhenWhatItReadsGoesAndCircularChainsAreRefused) {
  const std::string link(linkField.at("id").as_string());
  const std::string budgetId = fieldOf(projects, "Budget");
  const boost::json::value lookup = addLookup(tasks, "Budgets", link, budgetId);
  const std::string lookupId(lookup.at("id").as_string());
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);

  ASSERT_EQ(client
                .request("DELETE", "/api/table/" + projects + "/field/" + budgetId, "",
                         workspace.owner.headers())
                .status,
            200);
  const HttpResult broken = client.request("GET", "/api/table/" + tasks + "/field/" + lookupId, "",
                                           workspace.owner.headers());
  EXPECT_EQ(broken.json().at("options").at("error").as_string(),
            "The field it looks up was deleted.");
  EXPECT_EQ(cell(tasks, task[0], "Budgets"), R"({"error":"#ERROR!"})");
  ASSERT_EQ(client
                .request("POST", "/api/table/" + projects + "/field/" + budgetId + "/restore", "",
                         workspace.owner.headers())
                .status,
            200);
  EXPECT_EQ(cell(tasks, task[0], "Budgets"), "[100]") << "restored, it works again";

  // Tasks.Names looks up Projects.Task names, which looks up Tasks.Names.
  const std::string names(
      addLookup(tasks, "Names", link, fieldOf(projects, "Name")).at("id").as_string());
  const boost::json::value back =
      addLookup(projects, "Task names", fieldOf(projects, "Tasks"), names);
  const HttpResult circular = client.json(
      "PATCH", "/api/table/" + tasks + "/field/" + names,
      {{"options", {{"linkFieldId", link}, {"lookupFieldId", back.at("id").as_string()}}}},
      workspace.owner.headers());
  EXPECT_EQ(circular.status, 400) << circular.body;
  EXPECT_NE(circular.body.find("Circular reference"), std::string::npos) << circular.body;
}

TEST_F(LookupFieldsTest, EveryRollupFunctionAggregatesTheLinkedValues) {
  const std::string link(linkField.at("id").as_string());
  const std::string budget = fieldOf(projects, "Budget");
  ASSERT_EQ(write(projects, project[2], {{"Budget", 250}}).status, 200);
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[1], project[0], project[2]}}}).status, 200);
  const auto rollup = [&](const std::string& name, const std::string& field,
                          boost::json::object options) {
    options["linkFieldId"] = link;
    options["lookupFieldId"] = field;
    return addField(tasks, {{"name", name}, {"type", "rollup"}, {"options", options}});
  };
  const std::vector<std::pair<std::string, std::string>> numbers = {
      {"sum", "600"},
      {"average", "200"},
      {"min", "100"},
      {"max", "250"},
      {"count", "3"},
      {"countAll", "3"},
      {"countUnique", "2"},
      {"and", "true"},
      {"or", "true"},
      {"arrayUnique", "[250,100]"},
      {"arrayCompact", "[250,100,250]"}};
  for (const auto& [function, expected] : numbers) {
    const HttpResult added = rollup(function, budget, {{"function", function}});
    ASSERT_EQ(added.status, 201) << function << ": " << added.body << server.logText();
    EXPECT_EQ(cell(tasks, task[0], function), expected) << function;
  }
  const HttpResult latest = rollup("Latest", fieldOf(projects, "Due"), {{"function", "max"}});
  ASSERT_EQ(latest.status, 201) << latest.body;
  EXPECT_EQ(latest.json().at("options").at("result").at("type").as_string(), "date");
  EXPECT_EQ(cell(tasks, task[0], "Latest"), R"("2026-03-01T00:00:00.000Z")");
  ASSERT_EQ(rollup("Names", fieldOf(projects, "Name"), {{"function", "concatenate"}}).status, 201);
  EXPECT_EQ(cell(tasks, task[0], "Names"), R"("Gemini, Apollo, Mercury")");
  ASSERT_EQ(
      rollup("Budget list", budget, {{"function", "concatenate"}, {"separator", " | "}}).status,
      201);
  EXPECT_EQ(cell(tasks, task[0], "Budget list"), R"("250 | 100 | 250")");

  // No links: sums and counts are 0, the rest empty.
  EXPECT_EQ(cell(tasks, task[1], "sum"), "0");
  EXPECT_EQ(cell(tasks, task[1], "countAll"), "0");
  EXPECT_EQ(cell(tasks, task[1], "average"), "-");
  EXPECT_EQ(cell(tasks, task[1], "and"), "-");

  // Rollups filter by their result's type.
  const HttpResult big = client.request(
      "GET",
      "/api/table/" + tasks + "/record?filter=" +
          urlEncode(R"({"filterSet":[{"fieldId":"sum","operator":"isGreater","value":500}]})"),
      "", workspace.owner.headers());
  ASSERT_EQ(big.status, 200) << big.body;
  EXPECT_EQ(big.json().at("records").as_array().size(), 1u);

  const HttpResult sumOfText = rollup("Bad", fieldOf(projects, "Name"), {{"function", "sum"}});
  EXPECT_EQ(sumOfText.status, 400);
  EXPECT_NE(sumOfText.body.find("sum rolls up numbers only"), std::string::npos) << sumOfText.body;
  EXPECT_EQ(rollup("Bad", budget, {{"function", "median"}}).status, 400);
}

TEST_F(LookupFieldsTest, LookupsFilterOnTheirValuesAndBadOptionsAreRefused) {
  const std::string link(linkField.at("id").as_string());
  addLookup(tasks, "Names", link, fieldOf(projects, "Name"));
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  const auto names = [&](const std::string& op, const std::string& value) {
    boost::json::object condition{{"fieldId", "Names"}, {"operator", op}};
    if (!value.empty()) condition["value"] = value;
    const HttpResult list = client.request("GET",
                                           "/api/table/" + tasks + "/record?filter=" +
                                               urlEncode(boost::json::serialize(boost::json::value{
                                                   {"filterSet", boost::json::array{condition}}})),
                                           "", workspace.owner.headers());
    EXPECT_EQ(list.status, 200) << list.body;
    std::vector<std::string> found;
    const boost::json::value body = list.json();
    for (const auto& record : body.at("records").as_array()) {
      found.emplace_back(record.at("fields").at("Name").as_string());
    }
    return found;
  };
  EXPECT_EQ(names("contains", "gem"), std::vector<std::string>{"Design"});
  EXPECT_EQ(names("doesNotContain", "gem"), std::vector<std::string>{"Build"});
  EXPECT_EQ(names("isEmpty", ""), std::vector<std::string>{"Build"});
  EXPECT_EQ(names("isNotEmpty", ""), std::vector<std::string>{"Design"});

  const auto refused = [&](const boost::json::object& options) {
    const HttpResult added =
        addField(tasks, {{"name", "Bad"}, {"type", "lookup"}, {"options", options}});
    EXPECT_EQ(added.status, 400) << added.body;
    return added.body;
  };
  refused({{"linkFieldId", link}});
  EXPECT_NE(refused({{"linkFieldId", fieldOf(tasks, "Name")},
                     {"lookupFieldId", fieldOf(projects, "Name")}})
                .find("link field"),
            std::string::npos);
  EXPECT_NE(refused({{"linkFieldId", link}, {"lookupFieldId", "fldNoSuchField00000000"}})
                .find("was deleted"),
            std::string::npos);
  addLookup(tasks, "Sibling tasks", link, fieldOf(projects, "Tasks"));
  const HttpResult byLinks = orderedBy("Sibling tasks", "asc");
  EXPECT_EQ(byLinks.status, 400) << "a lookup of links cannot order records";
  EXPECT_NE(byLinks.body.find("order by a rollup of it"), std::string::npos) << byLinks.body;
}

TEST_F(LookupFieldsTest, TextLookupsAndRollupsOrderRecords) {
  const std::string link(linkField.at("id").as_string());
  addLookup(tasks, "Names", link, fieldOf(projects, "Name"));
  addBudgetTotal(link);
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[1]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[1], {{"Project", boost::json::array{project[0]}}}).status, 200);
  EXPECT_EQ(recordNames(orderedBy("Names", "asc")), (std::vector<std::string>{"Build", "Design"}))
      << "Apollo before Gemini";
  EXPECT_EQ(recordNames(orderedBy("Total", "desc")), (std::vector<std::string>{"Design", "Build"}))
      << "250 before 100";
  // The project's budget changes: the task's rollup, and the order, follow.
  ASSERT_EQ(write(projects, project[0], {{"Budget", 900}}).status, 200);
  EXPECT_EQ(cell(tasks, task[1], "Total"), "900");
  EXPECT_EQ(recordNames(orderedBy("Total", "desc")), (std::vector<std::string>{"Build", "Design"}));
}

TEST_F(LookupFieldsTest, LookupsOfNumbersOrderRecordsByTheirFirstValueThroughAnIndex) {
  const std::string link(linkField.at("id").as_string());
  addLookup(tasks, "Budgets", link, fieldOf(projects, "Budget"));
  addLookup(tasks, "Leads", link, fieldOf(projects, "Tasks"));
  const auto made = createRecords(client, workspace.owner, tasks,
                                  boost::json::parse(R"([{"Name":"Test"}])").as_array());
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[1], project[0]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[1], {{"Project", boost::json::array{project[2]}}}).status, 200);
  ASSERT_EQ(write(tasks, std::string(made[0].at("id").as_string()),
                  {{"Project", boost::json::array{project[0]}}})
                .status,
            200);
  using Names = std::vector<std::string>;
  EXPECT_EQ(recordNames(orderedBy("Budgets", "asc")), (Names{"Test", "Design", "Build"}))
      << "100 (Apollo), then 250 (Gemini first), then none";
  EXPECT_EQ(recordNames(orderedBy("Budgets", "desc")), (Names{"Design", "Test", "Build"}));

  const HttpResult view =
      client.json("POST", "/api/table/" + tasks + "/view",
                  {{"name", "By budget"},
                   {"sort", boost::json::parse(R"([{"fieldId":"Budgets","order":"asc"}])")}},
                  workspace.owner.headers());
  ASSERT_EQ(view.status, 201) << view.body;
  EXPECT_EQ(waitForBuiltSortIndexes(server, tasks, 1), "1\n")
      << "the view's sort has its index" << server.logText();
  // Page by page, one record each, by cursor.
  Names paged;
  std::string cursor;
  do {
    const HttpResult page = client.request("GET",
                                           "/api/table/" + tasks + "/record?take=1&viewId=" +
                                               std::string(view.json().at("id").as_string()) +
                                               (cursor.empty() ? "" : "&cursor=" + cursor),
                                           "", workspace.owner.headers());
    ASSERT_EQ(page.status, 200) << page.body;
    for (const auto& name : recordNames(page)) paged.push_back(name);
    const boost::json::value body = page.json();
    const auto* next = body.as_object().if_contains("nextCursor");
    cursor = next && next->is_string() ? std::string(next->as_string()) : "";
  } while (!cursor.empty() && paged.size() < 5);
  EXPECT_EQ(paged, (Names{"Test", "Design", "Build"}));

  const HttpResult ofLinks = orderedBy("Leads", "asc");
  EXPECT_EQ(ofLinks.status, 400) << "a lookup of links cannot order records";
  EXPECT_EQ(ofLinks.errorCode(), "invalid_sort");
}

TEST_F(LookupFieldsTest, AFormulaUsesARollupAndFollowsIt) {
  const std::string link(linkField.at("id").as_string());
  addBudgetTotal(link);
  const HttpResult formula =
      postField(client, workspace.owner, tasks,
                {{"name", "Over budget"},
                 {"type", "formula"},
                 {"options", {{"expression", R"(IF({Total} > 300, "yes", "no"))"}}}});
  ASSERT_EQ(formula.status, 201) << formula.body;
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Over budget"), R"("yes")") << "100 + 250";
  EXPECT_EQ(cell(tasks, task[1], "Over budget"), R"("no")");
  // The budget changes in Projects: the rollup, and the formula over it, follow.
  ASSERT_EQ(write(projects, project[1], {{"Budget", 50}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Over budget"), R"("no")");
  // Filtered on the formula, in the database.
  ASSERT_EQ(write(projects, project[1], {{"Budget", 500}}).status, 200);
  const HttpResult over = client.request(
      "GET",
      "/api/table/" + tasks + "/record?filter=" +
          urlEncode(R"({"filterSet":[{"fieldId":"Over budget","operator":"is","value":"yes"}]})"),
      "", workspace.owner.headers());
  EXPECT_EQ(recordNames(over), std::vector<std::string>{"Design"});

  // A circle through a self-link: a rollup of the formula, which the
  // formula then uses, is refused, and nothing changes.
  const HttpResult self =
      postField(client, workspace.owner, tasks,
                {{"name", "Blocks"}, {"type", "link"}, {"options", {{"linkedTableId", tasks}}}});
  ASSERT_EQ(self.status, 201) << self.body;
  const HttpResult score =
      postField(client, workspace.owner, tasks,
                {{"name", "Score"}, {"type", "formula"}, {"options", {{"expression", "1"}}}});
  ASSERT_EQ(score.status, 201) << score.body;
  ASSERT_EQ(postField(client, workspace.owner, tasks,
                      {{"name", "Blocked score"},
                       {"type", "rollup"},
                       {"options",
                        {{"linkFieldId", self.json().at("id")},
                         {"lookupFieldId", score.json().at("id")},
                         {"function", "sum"}}}})
                .status,
            201);
  const HttpResult circle = client.json(
      "PATCH", "/api/table/" + tasks + "/field/" + idOf(score.json()),
      {{"options", {{"expression", "{Blocked score} + 1"}}}}, workspace.owner.headers());
  EXPECT_EQ(circle.status, 400) << circle.body;
  EXPECT_NE(circle.body.find("circular"), std::string::npos) << circle.body;
  EXPECT_EQ(cell(tasks, task[0], "Score"), "1");
}

TEST_F(LookupFieldsTest, AFormulaUsesALookupAsItsValuesJoinedAndFollowsIt) {
  const std::string link(linkField.at("id").as_string());
  addLookup(tasks, "Names", link, fieldOf(projects, "Name"));
  addLookup(tasks, "Budgets", link, fieldOf(projects, "Budget"));
  addLookup(tasks, "Dues", link, fieldOf(projects, "Due"));
  const auto addFormula = [&](const std::string& name, const std::string& expression) {
    const HttpResult added =
        postField(client, workspace.owner, tasks,
                  {{"name", name}, {"type", "formula"}, {"options", {{"expression", expression}}}});
    EXPECT_EQ(added.status, 201) << added.body;
  };
  addFormula("Summary", R"(UPPER({Names}) & " / " & {Budgets} & " / " & {Dues})");
  addFormula("Count", "LEN({Names})");
  ASSERT_EQ(write(projects, project[1], {{"Budget", 2.5}}).status, 200);
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[1], project[0]}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Summary"),
            R"("GEMINI, APOLLO / 2.5, 100 / 2026-03-01T00:00:00.000Z")")
      << "in link order, numbers and dates as TEXT() writes them, blanks left out";
  EXPECT_EQ(cell(tasks, task[0], "Count"), "14");
  EXPECT_EQ(cell(tasks, task[1], "Count"), "0") << "no links: an empty text";
  // The linked record changes: the formula follows, and filters use it.
  ASSERT_EQ(write(projects, project[0], {{"Name", "Artemis"}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Count"), "15");
  const HttpResult found = client.request(
      "GET",
      "/api/table/" + tasks + "/record?filter=" +
          urlEncode(
              R"({"filterSet":[{"fieldId":"Summary","operator":"contains","value":"ARTEMIS"}]})"),
      "", workspace.owner.headers());
  EXPECT_EQ(recordNames(found), std::vector<std::string>{"Design"});

  // A lookup of a link holds links, which a formula cannot use, and says so.
  const HttpResult lead = addField(
      projects, {{"name", "Lead"}, {"type", "link"}, {"options", {{"linkedTableId", people}}}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  addLookup(tasks, "Leads", link, idOf(lead.json()));
  const HttpResult overLinks = postField(
      client, workspace.owner, tasks,
      {{"name", "Bad"}, {"type", "formula"}, {"options", {{"expression", "LEN({Leads})"}}}});
  EXPECT_EQ(overLinks.status, 400);
  EXPECT_NE(overLinks.body.find("cannot use {Leads}, a list of links"), std::string::npos)
      << overLinks.body;
}

TEST_F(LookupFieldsTest, LookupsOfRollupsAndOfFormulasOverThemFollowTheirLinks) {
  const std::string link(linkField.at("id").as_string());
  // On each project: how many tasks link to it, and a formula over that.
  const HttpResult count = addField(projects, {{"name", "Task count"},
                                               {"type", "rollup"},
                                               {"options",
                                                {{"linkFieldId", fieldOf(projects, "Tasks")},
                                                 {"lookupFieldId", fieldOf(tasks, "Name")},
                                                 {"function", "countAll"}}}});
  ASSERT_EQ(count.status, 201) << count.body;
  const HttpResult load = addField(
      projects,
      {{"name", "Load"}, {"type", "formula"}, {"options", {{"expression", "{Task count} * 10"}}}});
  ASSERT_EQ(load.status, 201) << load.body;
  // On each task: both, looked up through its project, and a rollup of one.
  const boost::json::value counted = addLookup(tasks, "Project tasks", link, idOf(count.json()));
  EXPECT_EQ(counted.at("options").at("result").at("type"), "rollup") << counted;
  addLookup(tasks, "Project load", link, idOf(load.json()));
  const HttpResult summed = addField(
      tasks,
      {{"name", "Summed"},
       {"type", "rollup"},
       {"options",
        {{"linkFieldId", link}, {"lookupFieldId", idOf(count.json())}, {"function", "sum"}}}});
  ASSERT_EQ(summed.status, 201) << summed.body;

  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[1], {{"Project", boost::json::array{project[0]}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Project tasks"), "[2]") << "the other task's write followed";
  EXPECT_EQ(cell(tasks, task[0], "Project load"), "[20]");
  EXPECT_EQ(cell(tasks, task[0], "Summed"), "2");
  ASSERT_EQ(write(tasks, task[1], {{"Project", boost::json::array{project[1]}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Project tasks"), "[1]");
  EXPECT_EQ(cell(tasks, task[0], "Project load"), "[10]");
  EXPECT_EQ(cell(tasks, task[1], "Project load"), "[10]");
  EXPECT_EQ(cell(tasks, task[0], "Summed"), "1");
}

TEST_F(LookupFieldsTest, ALookupOfALinkShowsTheLinkedRecordsOfTheLinkedRecordsAndFollowsThem) {
  const std::string link(linkField.at("id").as_string());
  const HttpResult lead = addField(
      projects, {{"name", "Lead"}, {"type", "link"}, {"options", {{"linkedTableId", people}}}});
  ASSERT_EQ(lead.status, 201) << lead.body;
  const boost::json::value leads = addLookup(tasks, "Leads", link, idOf(lead.json()));
  EXPECT_EQ(leads.at("options").at("result").at("type"), "link") << leads;
  ASSERT_EQ(write(projects, project[0], {{"Lead", boost::json::array{person[0]}}}).status, 200);
  ASSERT_EQ(write(projects, project[1], {{"Lead", boost::json::array{person[1]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[1], project[0]}}}).status, 200);
  const auto expected = [&](const std::string& first, const std::string& second) {
    return R"([{"id":")" + person[1] + R"(","title":")" + first + R"("},{"id":")" + person[0] +
           R"(","title":")" + second + R"("}])";
  };
  EXPECT_EQ(cell(tasks, task[0], "Leads"), expected("Grace", "Ada")) << "in link order";
  // A person is renamed: the titles follow, two links away.
  ASSERT_EQ(write(people, person[0], {{"Name", "Ada L."}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Leads"), expected("Grace", "Ada L."));
  // A project's lead changes: the lookup follows.
  ASSERT_EQ(write(projects, project[0], {{"Lead", boost::json::array{}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Leads"), R"([{"id":")" + person[1] + R"(","title":"Grace"}])");
  EXPECT_EQ(cell(tasks, task[0], "Leads", "?cellFormat=text"), R"("Grace")");
}

TEST_F(LookupFieldsTest, WhatALookupReadsIsFollowedOnEveryWrite) {
  const std::string link(linkField.at("id").as_string());
  addLookup(tasks, "Names", link, fieldOf(projects, "Name"));
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  ASSERT_EQ(write(projects, project[0], {{"Name", "Artemis"}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Names"), R"(["Artemis","Gemini"])") << "a renamed project";
  EXPECT_EQ(cell(tasks, task[0], "Project"), R"([{"id":")" + project[0] +
                                                 R"(","title":"Artemis"},{"id":")" + project[1] +
                                                 R"(","title":"Gemini"}])")
      << "the link's titles follow the linked records' primary field";
  // From the other side: the project's Tasks field unlinks it.
  ASSERT_EQ(write(projects, project[1], {{"Tasks", boost::json::array{}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Names"), R"(["Artemis"])");
  // A deleted project leaves the task's lookup.
  ASSERT_EQ(client
                .request("DELETE", "/api/table/" + projects + "/record/" + project[0], "",
                         workspace.owner.headers())
                .status,
            200);
  EXPECT_EQ(cell(tasks, task[0], "Names"), "-");
  EXPECT_EQ(cell(tasks, task[0], "Project"), "-");
  // A new task linked on creation shows its lookup at once.
  const auto made = createRecords(
      client, workspace.owner, tasks,
      boost::json::array{{{"Name", "Test"}, {"Project", boost::json::array{project[2]}}}});
  EXPECT_EQ(cell(tasks, std::string(made.at(0).at("id").as_string()), "Names"), R"(["Mercury"])");
}

TEST_F(LookupFieldsTest, ALookupOfUsersShowsThemAsTheyAreNow) {
  const std::string link(linkField.at("id").as_string());
  const HttpResult creator = addField(projects, {{"name", "Creator"}, {"type", "createdBy"}});
  ASSERT_EQ(creator.status, 201) << creator.body;
  const boost::json::value creators =
      addLookup(tasks, "Project creators", link, idOf(creator.json()));
  EXPECT_EQ(creators.at("options").at("result").at("type"), "createdBy") << creators;
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  const std::string ada = cell(projects, project[0], "Creator");
  EXPECT_NE(ada.find("\"email\":\"ada@example.com\""), std::string::npos) << ada;
  EXPECT_EQ(cell(tasks, task[0], "Project creators"), "[" + ada + "," + ada + "]");
  EXPECT_EQ(cell(tasks, task[1], "Project creators"), "-");
  // Renamed, the user shows under the new name at once.
  ASSERT_EQ(
      client.json("PATCH", "/api/auth/user", {{"name", "Ada Lovelace"}}, workspace.owner.headers())
          .status,
      200);
  EXPECT_EQ(cell(tasks, task[0], "Project creators", "?cellFormat=text"),
            R"("Ada Lovelace, Ada Lovelace")");
  const HttpResult found = client.request(
      "GET",
      "/api/table/" + tasks + "/record?filter=" +
          urlEncode(
              R"({"filterSet":[{"fieldId":"Project creators","operator":"contains","value":"lovelace"}]})"),
      "", workspace.owner.headers());
  EXPECT_EQ(recordNames(found), std::vector<std::string>{"Design"});

  // A formula uses them by their names; a rollup over their ids is refused,
  // and says so.
  const HttpResult rolled = addField(tasks, {{"name", "Creator list"},
                                             {"type", "rollup"},
                                             {"options",
                                              {{"linkFieldId", link},
                                               {"lookupFieldId", idOf(creator.json())},
                                               {"function", "arrayUnique"}}}});
  EXPECT_EQ(rolled.status, 400) << rolled.body;
  EXPECT_NE(rolled.body.find("cannot roll up users"), std::string::npos) << rolled.body;
  const HttpResult formula =
      addField(tasks, {{"name", "Creators"},
                       {"type", "formula"},
                       {"options", {{"expression", R"({Project creators} & "!")"}}}});
  ASSERT_EQ(formula.status, 201) << formula.body;
  EXPECT_EQ(cell(tasks, task[0], "Creators"), R"("Ada Lovelace, Ada Lovelace!")");

  // Through one more link: the users of the lookups of the linked records.
  const HttpResult back = addField(
      projects, {{"name", "Sibling"}, {"type", "link"}, {"options", {{"linkedTableId", tasks}}}});
  ASSERT_EQ(back.status, 201) << back.body;
  addLookup(projects, "Sibling creators", idOf(back.json()), fieldOf(tasks, "Project creators"));
  ASSERT_EQ(write(projects, project[2], {{"Sibling", {task[0], task[1]}}}).status, 200);
  EXPECT_EQ(cell(projects, project[2], "Sibling creators", "?cellFormat=text"),
            R"("Ada Lovelace, Ada Lovelace")");
  const std::string renamed = cell(projects, project[0], "Creator");
  EXPECT_EQ(cell(projects, project[2], "Sibling creators"), "[" + renamed + "," + renamed + "]")
      << "a lookup of a lookup of users";
}

TEST_F(LookupFieldsTest, ALookupOfWhenARecordChangedFollowsEveryWriteOfIt) {
  const std::string link(linkField.at("id").as_string());
  const HttpResult changed =
      addField(projects, {{"name", "Changed"}, {"type", "lastModifiedTime"}});
  ASSERT_EQ(changed.status, 201) << changed.body;
  addLookup(tasks, "Project changed", link, idOf(changed.json()));
  const auto projectChanged = [&] { return "[" + cell(projects, project[2], "Changed") + "]"; };
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[2]}}}).status, 200);
  EXPECT_EQ(cell(tasks, task[0], "Project changed"), projectChanged())
      << "linking changed the project too";
  const std::string linked = projectChanged();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(write(projects, project[2], {{"Budget", 7}}).status, 200);
  EXPECT_NE(projectChanged(), linked);
  EXPECT_EQ(cell(tasks, task[0], "Project changed"), projectChanged())
      << "a write of a field the lookup does not read";
  const std::string written = projectChanged();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(write(tasks, task[1], {{"Project", boost::json::array{project[2]}}}).status, 200);
  EXPECT_NE(projectChanged(), written);
  EXPECT_EQ(cell(tasks, task[0], "Project changed"), projectChanged())
      << "another task linked to the project";
}

}  // namespace
}  // namespace tessera::testing
