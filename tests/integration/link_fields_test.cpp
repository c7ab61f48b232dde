// Link fields through the REST API, on both backends: two-way links whose
// symmetric field is in step from either side, one-way and self links, a
// link made one-way and two-way again, records named by title with typecast,
// every relationship and its refusals, ids that are not records of the
// linked table, cascades when a record, a link field or a linked table is
// deleted (and the restore of a deleted link), the filters on links, and
// links that never leave their base.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <random>
#include <set>
#include <thread>

#include "support/sql_columns.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

class LinkFieldsTest : public ::testing::Test {
 protected:
  LinkFieldsTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    projects = tableIdOf(createTable(client, workspace, {{"name", "Projects"}}));
    tasks = tableIdOf(createTable(client, workspace, {{"name", "Tasks"}}));
    const auto madeProjects = createRecords(
        client, workspace.owner, projects,
        boost::json::parse(R"([{"Name":"Apollo"},{"Name":"Gemini"},{"Name":"Mercury"}])")
            .as_array());
    for (const auto& record : madeProjects) project.emplace_back(record.at("id").as_string());
    const auto madeTasks = createRecords(
        client, workspace.owner, tasks,
        boost::json::parse(R"([{"Name":"Design"},{"Name":"Build"},{"Name":"Test"}])").as_array());
    for (const auto& record : madeTasks) task.emplace_back(record.at("id").as_string());
  }

  static std::string tableIdOf(const boost::json::value& table) {
    return std::string(table.at("id").as_string());
  }

  HttpResult addField(const std::string& tableId, const boost::json::value& body) {
    return postField(client, workspace.owner, tableId, body);
  }

  // Adds link field `name` to `tableId`; expects 201.
  boost::json::value addLink(const std::string& tableId, const std::string& name,
                             boost::json::object options) {
    const HttpResult added =
        addField(tableId, {{"name", name}, {"type", "link"}, {"options", std::move(options)}});
    EXPECT_EQ(added.status, 201) << added.body << server.logText();
    return added.json();
  }

  HttpResult write(const std::string& tableId, const std::string& recordId,
                   const boost::json::object& fields) {
    return patchRecord(client, workspace.owner, tableId, recordId, fields);
  }

  boost::json::value record(const std::string& tableId, const std::string& recordId,
                            const std::string& query = "") {
    const HttpResult read =
        client.request("GET", "/api/table/" + tableId + "/record/" + recordId + query, "",
                       workspace.owner.headers());
    EXPECT_EQ(read.status, 200) << read.body;
    return read.json();
  }

  std::string fieldIdOf(const std::string& tableId, const std::string& name) {
    return testing::fieldIdOf(client, workspace.owner, tableId, name);
  }

  // The ids in a record's link cell, in order ("" for none).
  std::vector<std::string> linked(const std::string& tableId, const std::string& recordId,
                                  const std::string& field) {
    std::vector<std::string> ids;
    const boost::json::value read = record(tableId, recordId);
    const auto* cell = read.at("fields").as_object().if_contains(field);
    if (!cell) return ids;
    for (const auto& item : cell->as_array()) ids.emplace_back(item.at("id").as_string());
    return ids;
  }

  // The names of the records a filter on `tableId` keeps, in order.
  std::vector<std::string> namesWhere(const std::string& tableId,
                                      const boost::json::value& filter) {
    const HttpResult list = client.request(
        "GET",
        "/api/table/" + tableId + "/record?filter=" + urlEncode(boost::json::serialize(filter)), "",
        workspace.owner.headers());
    return recordNames(list);
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  std::string projects, tasks;
  std::vector<std::string> project, task;
};

TEST_F(LinkFieldsTest, ATwoWayLinkHasASymmetricFieldInStepFromEitherSide) {
  const boost::json::value field =
      addLink(tasks, "Project", {{"linkedTableId", projects}, {"relationship", "manyMany"}});
  const auto& options = field.at("options");
  EXPECT_EQ(options.at("linkedTableId").as_string(), projects);
  EXPECT_EQ(options.at("relationship").as_string(), "manyMany");
  const boost::json::value& symmetric = field.at("symmetricField");
  EXPECT_EQ(symmetric.at("name").as_string(), "Tasks") << "named after the linking table";
  EXPECT_EQ(options.at("symmetricFieldId").as_string(), symmetric.at("id").as_string());
  EXPECT_EQ(symmetric.at("options").at("linkedTableId").as_string(), tasks);
  EXPECT_EQ(symmetric.at("options").at("symmetricFieldId").as_string(), field.at("id").as_string());
  EXPECT_FALSE(field.at("isComputed").as_bool());

  // Written as ids, read as {id, title} in the order given.
  const HttpResult wrote = write(tasks, task[0], {{"Project", {project[1], project[0]}}});
  ASSERT_EQ(wrote.status, 200) << wrote.body << server.logText();
  const auto cell = wrote.json().at("fields").at("Project");
  EXPECT_EQ(boost::json::serialize(cell),
            boost::json::serialize(boost::json::value{{{"id", project[1]}, {"title", "Gemini"}},
                                                      {{"id", project[0]}, {"title", "Apollo"}}}));
  EXPECT_EQ(linked(projects, project[0], "Tasks"), std::vector<std::string>{task[0]});
  EXPECT_EQ(linked(projects, project[1], "Tasks"), std::vector<std::string>{task[0]});

  // Written from the other side, the first side follows; the records
  // whose cells changed there advance their version.
  const std::int64_t before = record(tasks, task[0]).at("version").as_int64();
  ASSERT_EQ(write(projects, project[1], {{"Tasks", boost::json::array{task[1]}}}).status, 200);
  EXPECT_EQ(linked(tasks, task[0], "Project"), std::vector<std::string>{project[0]});
  EXPECT_EQ(linked(tasks, task[1], "Project"), std::vector<std::string>{project[1]});
  EXPECT_EQ(record(tasks, task[0]).at("version").as_int64(), before + 1);

  // The API's own form can be written back; text format joins the titles.
  const boost::json::value read = record(tasks, task[0]);
  ASSERT_EQ(write(tasks, task[2], {{"Project", read.at("fields").at("Project")}}).status, 200);
  EXPECT_EQ(linked(tasks, task[2], "Project"), std::vector<std::string>{project[0]});
  ASSERT_EQ(write(tasks, task[2], {{"Project", {project[0], project[2]}}}).status, 200);
  EXPECT_EQ(record(tasks, task[2], "?cellFormat=text").at("fields").at("Project").as_string(),
            "Apollo, Mercury");

  // null or [] unlinks everything.
  ASSERT_EQ(write(tasks, task[2], {{"Project", nullptr}}).status, 200);
  EXPECT_TRUE(linked(tasks, task[2], "Project").empty());
  EXPECT_EQ(linked(projects, project[2], "Tasks"), std::vector<std::string>{});

  // A new record may be created with its links.
  const auto created = createRecords(
      client, workspace.owner, tasks,
      boost::json::array{{{"Name", "Launch"}, {"Project", boost::json::array{project[2]}}}});
  EXPECT_EQ(linked(projects, project[2], "Tasks"),
            std::vector<std::string>{std::string(created.at(0).at("id").as_string())});
}

TEST_F(LinkFieldsTest, IdsThatAreNoRecordOfTheLinkedTableAreRefusedByNameAndNothingChanges) {
  addLink(tasks, "Project", {{"linkedTableId", projects}});
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);
  for (const boost::json::value& bad :
       {boost::json::value{project[1], "recNoSuchRecord0000000"}, boost::json::value{task[1]},
        boost::json::value("Apollo"), boost::json::value{42},
        boost::json::value{{{"name", "x"}}}}) {
    const HttpResult refused = write(tasks, task[0], {{"Project", bad}, {"Name", "changed"}});
    EXPECT_EQ(refused.status, 400) << boost::json::serialize(bad);
    EXPECT_EQ(refused.errorCode(), "invalid_cell");
  }
  const HttpResult unknown =
      write(tasks, task[0], {{"Project", {project[1], "recNoSuchRecord0000000"}}});
  EXPECT_NE(unknown.body.find("recNoSuchRecord0000000"), std::string::npos) << unknown.body;
  EXPECT_NE(unknown.body.find("Projects"), std::string::npos) << unknown.body;
  const HttpResult otherTable = write(tasks, task[0], {{"Project", boost::json::array{task[1]}}});
  EXPECT_NE(otherTable.body.find(task[1]), std::string::npos) << otherTable.body;

  EXPECT_EQ(linked(tasks, task[0], "Project"), std::vector<std::string>{project[0]});
  EXPECT_EQ(record(tasks, task[0]).at("fields").at("Name").as_string(), "Design");
}

TEST_F(LinkFieldsTest, ManyOneLinksOneRecordAndTheOneSideMovesARecordThatIsLinkedElsewhere) {
  const boost::json::value field =
      addLink(tasks, "Project", {{"linkedTableId", projects}, {"relationship", "manyOne"}});
  EXPECT_EQ(field.at("symmetricField").at("options").at("relationship").as_string(), "oneMany");

  const HttpResult two = write(tasks, task[0], {{"Project", {project[0], project[1]}}});
  EXPECT_EQ(two.status, 400);
  EXPECT_NE(two.body.find("one record at most"), std::string::npos) << two.body;

  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);
  // Gemini takes Design from Apollo: a task has one project.
  ASSERT_EQ(write(projects, project[1], {{"Tasks", {task[0], task[1]}}}).status, 200);
  EXPECT_EQ(linked(tasks, task[0], "Project"), std::vector<std::string>{project[1]});
  EXPECT_TRUE(linked(projects, project[0], "Tasks").empty());
  EXPECT_EQ(linked(projects, project[1], "Tasks"), (std::vector<std::string>{task[0], task[1]}));
}

TEST_F(LinkFieldsTest, ARelationshipChangesOnlyWhenTheLinksFitItAndTheSymmetricFieldFollows) {
  const boost::json::value field = addLink(tasks, "Project", {{"linkedTableId", projects}});
  const std::string fieldPath =
      "/api/table/" + tasks + "/field/" + std::string(field.at("id").as_string());
  const std::string symmetricId(field.at("symmetricField").at("id").as_string());
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);

  const HttpResult refused = client.json(
      "PATCH", fieldPath, {{"options", {{"linkedTableId", projects}, {"relationship", "manyOne"}}}},
      workspace.owner.headers());
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.errorCode(), "links_exceed_relationship");
  EXPECT_NE(refused.body.find(task[0]), std::string::npos) << refused.body;

  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);
  const HttpResult changed = client.json(
      "PATCH", fieldPath, {{"options", {{"linkedTableId", projects}, {"relationship", "oneOne"}}}},
      workspace.owner.headers());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json().at("options").at("relationship").as_string(), "oneOne");
  const HttpResult symmetric = client.request(
      "GET", "/api/table/" + projects + "/field/" + symmetricId, "", workspace.owner.headers());
  EXPECT_EQ(symmetric.json().at("options").at("relationship").as_string(), "oneOne");
  EXPECT_EQ(write(projects, project[1], {{"Tasks", {task[1], task[2]}}}).status, 400);

  const HttpResult otherTable = client.json(
      "PATCH", fieldPath, {{"options", {{"linkedTableId", tasks}}}}, workspace.owner.headers());
  EXPECT_EQ(otherTable.status, 400);
  EXPECT_EQ(otherTable.errorCode(), "invalid_field");
}

TEST_F(LinkFieldsTest, ConcurrentWritesFromBothSidesLeaveBothSidesInStep) {
  addLink(tasks, "Project", {{"linkedTableId", projects}, {"relationship", "manyOne"}});
  const HttpResult counted = addField(projects, {{"name", "Count"},
                                                 {"type", "rollup"},
                                                 {"options",
                                                  {{"linkFieldId", fieldIdOf(projects, "Tasks")},
                                                   {"lookupFieldId", fieldIdOf(tasks, "Name")},
                                                   {"function", "countAll"}}}});
  ASSERT_EQ(counted.status, 201) << counted.body;
  std::vector<std::thread> writers;
  for (int writer = 0; writer < 6; ++writer) {
    writers.emplace_back([&, writer] {
      std::mt19937 random(static_cast<unsigned>(writer));
      for (int i = 0; i < 15; ++i) {
        const std::string& someProject = project[random() % project.size()];
        const std::string& someTask = task[random() % task.size()];
        const HttpResult wrote =
            writer % 2 == 0
                ? write(tasks, someTask, {{"Project", boost::json::array{someProject}}})
                : write(projects, someProject,
                        {{"Tasks",
                          {someTask,
                           task[(random() % 2 + 1 + (&someTask - task.data())) % task.size()]}}});
        EXPECT_EQ(wrote.status, 200) << wrote.body;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();

  std::set<std::pair<std::string, std::string>> fromTasks, fromProjects;
  for (const std::string& t : task) {
    const auto ids = linked(tasks, t, "Project");
    EXPECT_LE(ids.size(), 1u) << "a task has one project at most";
    for (const std::string& p : ids) fromTasks.emplace(t, p);
  }
  for (const std::string& p : project) {
    const auto ids = linked(projects, p, "Tasks");
    for (const std::string& t : ids) fromProjects.emplace(t, p);
    EXPECT_EQ(record(projects, p).at("fields").at("Count").to_number<double>(),
              static_cast<double>(ids.size()))
        << "each project's rollup counts the tasks linked to it";
  }
  EXPECT_EQ(fromTasks, fromProjects);
}

TEST_F(LinkFieldsTest, OneWayAndSelfLinks) {
  const boost::json::value oneWay =
      addLink(tasks, "Owner project", {{"linkedTableId", projects}, {"oneWay", true}});
  EXPECT_TRUE(oneWay.at("options").at("symmetricFieldId").is_null());
  EXPECT_FALSE(oneWay.as_object().contains("symmetricField"));
  const HttpResult projectFields =
      client.request("GET", "/api/table/" + projects + "/field", "", workspace.owner.headers());
  EXPECT_EQ(projectFields.json().at("fields").as_array().size(), 1u) << "no field was added there";
  ASSERT_EQ(write(tasks, task[0], {{"Owner project", boost::json::array{project[2]}}}).status, 200);
  EXPECT_EQ(linked(tasks, task[0], "Owner project"), std::vector<std::string>{project[2]});
  ASSERT_EQ(write(projects, project[2], {{"Name", "Voyager"}}).status, 200);
  EXPECT_EQ(record(tasks, task[0]).at("fields").at("Owner project").at(0).at("title"), "Voyager")
      << "the cell follows its linked record, though that table has no field for the link";

  const boost::json::value self = addLink(tasks, "Blocks", {{"linkedTableId", tasks}});
  EXPECT_EQ(self.at("symmetricField").at("name").as_string(), "Tasks");
  ASSERT_EQ(write(tasks, task[0], {{"Blocks", {task[1], task[2]}}}).status, 200);
  EXPECT_EQ(linked(tasks, task[1], "Tasks"), std::vector<std::string>{task[0]});
  EXPECT_EQ(linked(tasks, task[2], "Tasks"), std::vector<std::string>{task[0]});
  ASSERT_EQ(write(tasks, task[1], {{"Blocks", boost::json::array{task[1]}}}).status, 200)
      << "a record may link to itself";
  EXPECT_EQ(linked(tasks, task[1], "Tasks"), (std::vector<std::string>{task[0], task[1]}));
}

TEST_F(LinkFieldsTest, ALinkBecomesOneWayAndTwoWayAgainKeepingItsLinks) {
  const boost::json::value field = addLink(tasks, "Project", {{"linkedTableId", projects}});
  const std::string fieldPath =
      "/api/table/" + tasks + "/field/" + std::string(field.at("id").as_string());
  const std::string symmetricId(field.at("symmetricField").at("id").as_string());
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  const auto changeLink = [&](const std::string& path, boost::json::object options) {
    options["linkedTableId"] = path == fieldPath ? projects : tasks;
    return client.json("PATCH", path, {{"options", std::move(options)}}, workspace.owner.headers());
  };

  const HttpResult nameOnTwoWay = changeLink(fieldPath, {{"symmetricFieldName", "Work"}});
  EXPECT_EQ(nameOnTwoWay.status, 400) << "the symmetric field exists; rename it instead";
  EXPECT_EQ(nameOnTwoWay.errorCode(), "invalid_field");

  const HttpResult oneWay = changeLink(fieldPath, {{"oneWay", true}});
  ASSERT_EQ(oneWay.status, 200) << oneWay.body << server.logText();
  EXPECT_TRUE(oneWay.json().at("options").at("symmetricFieldId").is_null());
  const auto deleted = oneWay.json().at("alsoDeletedFields").as_array();
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].at("id").as_string(), symmetricId);
  EXPECT_EQ(deleted[0].at("tableId").as_string(), projects);
  EXPECT_FALSE(sqlColumns(server, "t_" + projects).contains("m_" + symmetricId))
      << "its materialised column went with it";
  EXPECT_FALSE(record(projects, project[0]).at("fields").as_object().contains("Tasks"));
  EXPECT_EQ(write(projects, project[0], {{"Tasks", boost::json::array{task[1]}}}).status, 400);
  EXPECT_EQ(linked(tasks, task[0], "Project"), (std::vector<std::string>{project[0], project[1]}))
      << "the links stay";
  ASSERT_EQ(write(projects, project[0], {{"Name", "Artemis"}}).status, 200);
  EXPECT_EQ(record(tasks, task[0]).at("fields").at("Project").at(0).at("title"), "Artemis");

  const HttpResult twoWay =
      changeLink(fieldPath, {{"oneWay", false}, {"symmetricFieldName", "Work"}});
  ASSERT_EQ(twoWay.status, 200) << twoWay.body << server.logText();
  const boost::json::value created = twoWay.json().at("symmetricField");
  EXPECT_EQ(created.at("name").as_string(), "Work");
  const std::string workPath =
      "/api/table/" + projects + "/field/" + std::string(created.at("id").as_string());
  EXPECT_EQ(twoWay.json().at("options").at("symmetricFieldId"), created.at("id"));
  EXPECT_EQ(linked(projects, project[0], "Work"), std::vector<std::string>{task[0]})
      << "the new field shows the links made while it was gone";
  EXPECT_EQ(linked(projects, project[1], "Work"), std::vector<std::string>{task[0]});
  ASSERT_EQ(write(projects, project[2], {{"Work", boost::json::array{task[1]}}}).status, 200);
  EXPECT_EQ(linked(tasks, task[1], "Project"), std::vector<std::string>{project[2]});

  // The side that was created second can go one-way too, and back.
  const HttpResult otherSide = changeLink(workPath, {{"oneWay", true}});
  ASSERT_EQ(otherSide.status, 200) << otherSide.body << server.logText();
  EXPECT_EQ(otherSide.json().at("alsoDeletedFields").at(0).at("name").as_string(), "Project");
  EXPECT_EQ(linked(projects, project[2], "Work"), std::vector<std::string>{task[1]});
  const HttpResult back = changeLink(workPath, {{"oneWay", false}});
  ASSERT_EQ(back.status, 200) << back.body << server.logText();
  EXPECT_EQ(back.json().at("symmetricField").at("name").as_string(), "Projects");
  EXPECT_EQ(linked(tasks, task[0], "Projects"), (std::vector<std::string>{project[0], project[1]}));
  ASSERT_EQ(write(tasks, task[2], {{"Projects", boost::json::array{project[1]}}}).status, 200);
  EXPECT_EQ(linked(projects, project[1], "Work"), (std::vector<std::string>{task[0], task[2]}));

  const boost::json::value self =
      addLink(tasks, "Blocks", {{"linkedTableId", tasks}, {"oneWay", true}});
  const HttpResult selfTwoWay = client.json(
      "PATCH", "/api/table/" + tasks + "/field/" + std::string(self.at("id").as_string()),
      {{"options", {{"linkedTableId", tasks}, {"oneWay", false}}}}, workspace.owner.headers());
  ASSERT_EQ(selfTwoWay.status, 200) << selfTwoWay.body;
  EXPECT_EQ(selfTwoWay.json().at("symmetricField").at("name").as_string(), "Tasks");
  ASSERT_EQ(write(tasks, task[0], {{"Blocks", boost::json::array{task[1]}}}).status, 200);
  EXPECT_EQ(linked(tasks, task[1], "Tasks"), std::vector<std::string>{task[0]});
}

TEST_F(LinkFieldsTest, WithTypecastRecordsAreNamedByTheirTitles) {
  addLink(tasks, "Project", {{"linkedTableId", projects}});
  const auto castWrite = [&](const std::string& tableId, const std::string& recordId,
                             boost::json::object fields) {
    return client.json(
        "PATCH", "/api/table/" + tableId + "/record",
        {{"records", {{{"id", recordId}, {"fields", std::move(fields)}}}}, {"typecast", true}},
        workspace.owner.headers());
  };
  const HttpResult listed = castWrite(tasks, task[0], {{"Project", " Gemini, Apollo"}});
  ASSERT_EQ(listed.status, 200) << listed.body << server.logText();
  EXPECT_EQ(linked(tasks, task[0], "Project"), (std::vector<std::string>{project[1], project[0]}));
  ASSERT_EQ(castWrite(tasks, task[0], {{"Project", {"Mercury", project[0], "Mercury"}}}).status,
            200);
  EXPECT_EQ(linked(tasks, task[0], "Project"), (std::vector<std::string>{project[2], project[0]}))
      << "titles and ids mixed, repeats dropped";

  const HttpResult unknown = castWrite(tasks, task[0], {{"Project", "Apollo, Apolo"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.errorCode(), "invalid_cell");
  EXPECT_NE(unknown.body.find("'Apolo'"), std::string::npos) << unknown.body;
  EXPECT_EQ(linked(tasks, task[0], "Project"), (std::vector<std::string>{project[2], project[0]}))
      << "nothing is written";
  EXPECT_EQ(write(tasks, task[0], {{"Project", {"Apollo"}}}).status, 400)
      << "without typecast a cell takes ids only";

  // The whole text first; of two records with one title, the first made.
  const auto more = createRecords(
      client, workspace.owner, projects,
      boost::json::parse(R"([{"Name":"Apollo"},{"Name":"Salt, Pepper"}])").as_array());
  ASSERT_EQ(castWrite(tasks, task[1], {{"Project", {"Apollo", "Salt, Pepper"}}}).status, 200);
  EXPECT_EQ(linked(tasks, task[1], "Project"),
            (std::vector<std::string>{project[0], std::string(more[1].at("id").as_string())}));

  // A title is read as the primary field reads a typecast value.
  const std::string rooms = tableIdOf(createTable(
      client, workspace,
      {{"name", "Rooms"},
       {"fields", {{{"name", "Number"}, {"type", "number"}, {"options", {{"precision", 0}}}}}}}));
  const auto madeRooms =
      createRecords(client, workspace.owner, rooms,
                    boost::json::parse(R"([{"Number":101},{"Number":102}])").as_array());
  addLink(tasks, "Room", {{"linkedTableId", rooms}, {"relationship", "manyOne"}});
  ASSERT_EQ(castWrite(tasks, task[2], {{"Room", "102"}}).status, 200);
  EXPECT_EQ(linked(tasks, task[2], "Room"),
            std::vector<std::string>{std::string(madeRooms[1].at("id").as_string())});
  const HttpResult two = castWrite(tasks, task[2], {{"Room", "101, 102"}});
  EXPECT_EQ(two.status, 400) << "a many-to-one link takes one record";
  EXPECT_NE(two.body.find("one record at most"), std::string::npos) << two.body;
}

TEST_F(LinkFieldsTest, DeletingARecordRemovesItsLinks) {
  addLink(tasks, "Project", {{"linkedTableId", projects}});
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  ASSERT_EQ(client
                .request("DELETE", "/api/table/" + projects + "/record/" + project[0], "",
                         workspace.owner.headers())
                .status,
            200);
  EXPECT_EQ(linked(tasks, task[0], "Project"), std::vector<std::string>{project[1]});
  ASSERT_EQ(client
                .request("DELETE", "/api/table/" + tasks + "/record/" + task[0], "",
                         workspace.owner.headers())
                .status,
            200);
  EXPECT_TRUE(linked(projects, project[1], "Tasks").empty());
}

TEST_F(LinkFieldsTest, DeletingALinkFieldTakesItsSymmetricFieldAndRestoringBringsBothBack) {
  const boost::json::value field = addLink(tasks, "Project", {{"linkedTableId", projects}});
  const std::string fieldId(field.at("id").as_string());
  const std::string symmetricId(field.at("symmetricField").at("id").as_string());
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);

  const HttpResult deleted = client.request("DELETE", "/api/table/" + tasks + "/field/" + fieldId,
                                            "", workspace.owner.headers());
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  const auto also = deleted.json().at("alsoDeletedFields").as_array();
  ASSERT_EQ(also.size(), 1u);
  EXPECT_EQ(also[0].at("id").as_string(), symmetricId);
  EXPECT_EQ(also[0].at("tableId").as_string(), projects);
  EXPECT_EQ(also[0].at("name").as_string(), "Tasks");
  EXPECT_FALSE(record(projects, project[0]).at("fields").as_object().contains("Tasks"));

  const HttpResult restored =
      client.request("POST", "/api/table/" + tasks + "/field/" + fieldId + "/restore", "",
                     workspace.owner.headers());
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json().at("alsoRestoredFields").as_array().size(), 1u);
  EXPECT_EQ(linked(tasks, task[0], "Project"), std::vector<std::string>{project[0]});
  EXPECT_EQ(linked(projects, project[0], "Tasks"), std::vector<std::string>{task[0]});
}

TEST_F(LinkFieldsTest, DeletingALinkedTableDeletesTheLinksToItAndSaysSo) {
  const boost::json::value field = addLink(tasks, "Project", {{"linkedTableId", projects}});
  const std::string fieldId(field.at("id").as_string());
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);
  EXPECT_FALSE(sqlColumns(server, "l_" + fieldId).empty()) << "the junction table";

  const HttpResult deleted =
      client.request("DELETE", "/api/base/" + workspace.baseId + "/table/" + projects, "",
                     workspace.owner.headers());
  ASSERT_EQ(deleted.status, 200) << deleted.body << server.logText();
  const auto also = deleted.json().at("alsoDeletedFields").as_array();
  ASSERT_EQ(also.size(), 1u);
  EXPECT_EQ(also[0].at("id").as_string(), fieldId);
  EXPECT_EQ(also[0].at("tableId").as_string(), tasks);
  EXPECT_FALSE(record(tasks, task[0]).at("fields").as_object().contains("Project"));
  EXPECT_EQ(client
                .request("POST", "/api/table/" + tasks + "/field/" + fieldId + "/restore", "",
                         workspace.owner.headers())
                .status,
            404)
      << "deleted for good: it has nothing to link to";
  EXPECT_TRUE(sqlColumns(server, "l_" + fieldId).empty()) << "the junction is dropped";
}

TEST_F(LinkFieldsTest, DeletingABaseWithLinksDropsEverything) {
  const boost::json::value field = addLink(tasks, "Project", {{"linkedTableId", projects}});
  ASSERT_EQ(write(tasks, task[0], {{"Project", boost::json::array{project[0]}}}).status, 200);
  const HttpResult deleted =
      client.request("DELETE", "/api/base/" + workspace.baseId, "", workspace.owner.headers());
  EXPECT_EQ(deleted.status, 204) << deleted.body << server.logText();
  EXPECT_TRUE(sqlColumns(server, "l_" + std::string(field.at("id").as_string())).empty());
  EXPECT_TRUE(sqlColumns(server, "t_" + projects).empty());
}

TEST_F(LinkFieldsTest, TextConvertsToALinkByTitleReportingWhatMatchedNothingAndBack) {
  const HttpResult text = addField(tasks, {{"name", "Project"}, {"type", "singleLineText"}});
  ASSERT_EQ(text.status, 201);
  const std::string fieldPath =
      "/api/table/" + tasks + "/field/" + std::string(text.json().at("id").as_string());
  ASSERT_EQ(write(tasks, task[0], {{"Project", "Apollo"}}).status, 200);
  ASSERT_EQ(write(tasks, task[1], {{"Project", "Gemini, Mercury"}}).status, 200);
  ASSERT_EQ(write(tasks, task[2], {{"Project", "Apollo, Zeus, Hermes"}}).status, 200);
  const HttpResult view = client.json(
      "POST", "/api/table/" + tasks + "/view",
      {{"name", "By project"}, {"sort", {{{"fieldId", text.json().at("id")}, {"order", "asc"}}}}},
      workspace.owner.headers());
  ASSERT_EQ(view.status, 201) << view.body;

  const HttpResult converted = client.json(
      "PATCH", fieldPath, {{"type", "link"}, {"options", {{"linkedTableId", projects}}}},
      workspace.owner.headers());
  ASSERT_EQ(converted.status, 200) << converted.body << server.logText();
  const boost::json::value report = converted.json().at("conversion");
  EXPECT_EQ(report.at("converted").as_int64(), 3);
  EXPECT_EQ(report.at("failed").as_int64(), 1);
  EXPECT_EQ(boost::json::serialize(report.at("unmatched")), R"(["Hermes","Zeus"])");
  EXPECT_EQ(converted.json().at("symmetricField").at("name").as_string(), "Tasks");
  EXPECT_EQ(linked(tasks, task[0], "Project"), std::vector<std::string>{project[0]});
  EXPECT_EQ(linked(tasks, task[1], "Project"), (std::vector<std::string>{project[1], project[2]}));
  EXPECT_EQ(linked(tasks, task[2], "Project"), std::vector<std::string>{project[0]});
  EXPECT_EQ(linked(projects, project[0], "Tasks"), (std::vector<std::string>{task[0], task[2]}));
  const HttpResult viewed = client.request(
      "GET",
      "/api/table/" + tasks + "/record?viewId=" + std::string(view.json().at("id").as_string()), "",
      workspace.owner.headers());
  EXPECT_EQ(viewed.status, 200)
      << "the view's sort on the field, which a link cannot order by, went" << viewed.body;

  // Back to text: the titles, and the symmetric field goes.
  const HttpResult back =
      client.json("PATCH", fieldPath, {{"type", "singleLineText"}}, workspace.owner.headers());
  ASSERT_EQ(back.status, 200) << back.body << server.logText();
  EXPECT_EQ(back.json().at("conversion").at("converted").as_int64(), 3);
  EXPECT_EQ(back.json().at("alsoDeletedFields").as_array().size(), 1u);
  EXPECT_EQ(record(tasks, task[1]).at("fields").at("Project").as_string(), "Gemini, Mercury");
  EXPECT_FALSE(record(projects, project[0]).at("fields").as_object().contains("Tasks"));
  EXPECT_TRUE(sqlColumns(server, "l_" + std::string(text.json().at("id").as_string())).empty());
}

TEST_F(LinkFieldsTest, LinksFilterByTheRecordsTheyHoldAndCannotOrderRecords) {
  addLink(tasks, "Project", {{"linkedTableId", projects}});
  ASSERT_EQ(write(tasks, task[0], {{"Project", {project[0], project[1]}}}).status, 200);
  ASSERT_EQ(write(tasks, task[1], {{"Project", boost::json::array{project[1]}}}).status, 200);
  const auto where = [&](const std::string& op, const boost::json::value& value) {
    boost::json::object condition{{"fieldId", "Project"}, {"operator", op}};
    if (!value.is_null()) condition["value"] = value;
    return namesWhere(tasks, {{"filterSet", boost::json::array{condition}}});
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(where("hasAnyOf", {project[0], project[2]}), Names{"Design"});
  EXPECT_EQ(where("hasAllOf", {project[0], project[1], project[1]}), Names{"Design"});
  EXPECT_EQ(where("hasAllOf", boost::json::array{project[1]}), (Names{"Design", "Build"}));
  EXPECT_EQ(where("is", boost::json::value(project[1])), (Names{"Design", "Build"}));
  EXPECT_EQ(where("isNoneOf", boost::json::array{project[0]}), (Names{"Build", "Test"}));
  EXPECT_EQ(where("isEmpty", nullptr), Names{"Test"});
  EXPECT_EQ(where("isNotEmpty", nullptr), (Names{"Design", "Build"}));
  // By the linked records' titles (Apollo, Gemini), ignoring case.
  EXPECT_EQ(where("contains", "APOL"), Names{"Design"});
  EXPECT_EQ(where("contains", "gem"), (Names{"Design", "Build"}));
  EXPECT_EQ(where("doesNotContain", "apollo"), (Names{"Build", "Test"}));
  EXPECT_EQ(where("contains", "100%"), Names{}) << "% is a character, not a wildcard";

  const HttpResult badValue = client.request(
      "GET",
      "/api/table/" + tasks + "/record?filter=" +
          urlEncode(R"({"filterSet":[{"fieldId":"Project","operator":"hasAnyOf","value":[1]}]})"),
      "", workspace.owner.headers());
  EXPECT_EQ(badValue.status, 400);
  const HttpResult sorted = client.request(
      "GET", "/api/table/" + tasks + "/record?orderBy=" + urlEncode(R"([{"fieldId":"Project"}])"),
      "", workspace.owner.headers());
  EXPECT_EQ(sorted.status, 400);
  EXPECT_EQ(sorted.errorCode(), "invalid_sort");
}

TEST_F(LinkFieldsTest, LinksStayInsideTheirBaseAndCannotBePrimaryOrInFormulas) {
  const HttpResult base =
      client.json("POST", "/api/base", {{"spaceId", workspace.spaceId}, {"name", "Elsewhere"}},
                  workspace.owner.headers());
  ASSERT_EQ(base.status, 201) << base.body;
  const HttpResult other =
      client.json("POST", "/api/base/" + std::string(base.json().at("id").as_string()) + "/table",
                  {{"name", "Foreign"}}, workspace.owner.headers());
  ASSERT_EQ(other.status, 201) << other.body;
  const HttpResult crossing =
      addField(tasks, {{"name", "Foreign"},
                       {"type", "link"},
                       {"options", {{"linkedTableId", other.json().at("id")}}}});
  EXPECT_EQ(crossing.status, 400);
  EXPECT_EQ(crossing.errorCode(), "invalid_field");
  EXPECT_EQ(
      addField(tasks, {{"name", "Nowhere"}, {"type", "link"}, {"options", boost::json::object{}}})
          .status,
      400);
  EXPECT_EQ(addField(tasks, {{"name", "Bad"},
                             {"type", "link"},
                             {"options", {{"linkedTableId", projects}, {"relationship", "some"}}}})
                .status,
            400);

  const HttpResult primaryLink = client.json(
      "POST", "/api/base/" + workspace.baseId + "/table",
      {{"name", "Links first"},
       {"fields", {{{"name", "L"}, {"type", "link"}, {"options", {{"linkedTableId", projects}}}}}}},
      workspace.owner.headers());
  EXPECT_EQ(primaryLink.status, 400);

  addLink(tasks, "Project", {{"linkedTableId", projects}});
  const HttpResult formula = addField(
      tasks, {{"name", "F"}, {"type", "formula"}, {"options", {{"expression", "{Project} & ''"}}}});
  EXPECT_EQ(formula.status, 400);
  EXPECT_EQ(formula.errorCode(), "invalid_formula");
  EXPECT_NE(formula.body.find("lookup"), std::string::npos) << formula.body;
}

}  // namespace
}  // namespace tessera::testing
