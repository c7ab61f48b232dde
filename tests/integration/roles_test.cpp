// Every space, base, collaborator, table, field, record and view endpoint
// for every role, granted on the space or on the base, against outcomes
// written from the rules of DESIGN section 3 (not from the server's code):
//   viewer/commenter: read; editor: also create, update and delete records
//   and views; creator: also create, alter and delete bases, tables and
//   fields; owner: everything, including renaming and deleting the space
//   and managing collaborators. A table's role is its base's role.
// No role at all gives 404 (existence is not revealed); a role that is too
// weak gives 403.
#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <map>
#include <set>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

enum class Role { None, Viewer, Commenter, Editor, Creator, Owner };
enum class On { Space, Base };

const std::map<Role, std::string> kRoleNames = {
    {Role::Viewer, "viewer"},   {Role::Commenter, "commenter"}, {Role::Editor, "editor"},
    {Role::Creator, "creator"}, {Role::Owner, "owner"},         {Role::None, "none"}};

struct World {
  std::string spaceId;
  std::string baseId;
  std::string extraUserId;  // a viewer collaborator that cases may change
  std::string tableId;
  std::string fieldId;  // a non-primary field
  std::string recordId;
  std::string viewId;  // one of the table's two views
};

struct Case {
  std::string method;
  std::function<std::string(const World&)> path;
  std::function<boost::json::value(const World&)> body;
  On on;
  Role weakestAllowed;
  int successStatus;
};

std::string str(const boost::json::value& value, const char* key) {
  return std::string(value.at(key).as_string());
}

std::vector<Case> allCases() {
  const auto space = [](const World& w) { return "/api/space/" + w.spaceId; };
  const auto base = [](const World& w) { return "/api/base/" + w.baseId; };
  const auto none = [](const World&) { return boost::json::value(nullptr); };
  const auto name = [](const World&) { return boost::json::value{{"name", "Renamed"}}; };
  const auto newMember = [](const World&) {
    return boost::json::value{{"email", "newcomer@example.com"}, {"role", "viewer"}};
  };
  const auto editorRole = [](const World&) { return boost::json::value{{"role", "editor"}}; };
  std::vector<Case> cases = {
      {"GET", space, none, On::Space, Role::Viewer, 200},
      {"PATCH", space, name, On::Space, Role::Owner, 200},
      {"GET", [](const World& w) { return "/api/space/" + w.spaceId + "/base"; }, none, On::Space,
       Role::Viewer, 200},
      {"POST", [](const World&) { return std::string("/api/base"); },
       [](const World& w) {
         return boost::json::value{{"spaceId", w.spaceId}, {"name", "New"}};
       },
       On::Space, Role::Creator, 201},
      {"GET", base, none, On::Base, Role::Viewer, 200},
      {"PATCH", base, name, On::Base, Role::Creator, 200},
      {"DELETE", base, none, On::Base, Role::Creator, 204},
      {"DELETE", space, none, On::Space, Role::Owner, 204},
  };
  for (const On on : {On::Space, On::Base}) {
    const auto collection = [on](const World& w) {
      return (on == On::Space ? "/api/space/" + w.spaceId : "/api/base/" + w.baseId) +
             "/collaborator";
    };
    const auto member = [collection](const World& w) {
      return collection(w) + "/" + w.extraUserId;
    };
    cases.push_back({"GET", collection, none, on, Role::Viewer, 200});
    cases.push_back({"POST", collection, newMember, on, Role::Owner, 201});
    cases.push_back({"PATCH", member, editorRole, on, Role::Owner, 200});
    cases.push_back({"DELETE", member, none, on, Role::Owner, 204});
  }
  const auto tables = [](const World& w) { return "/api/base/" + w.baseId + "/table"; };
  const auto tableInBase = [](const World& w) {
    return "/api/base/" + w.baseId + "/table/" + w.tableId;
  };
  const auto table = [](const World& w) { return "/api/table/" + w.tableId; };
  const auto sub = [table](std::string suffix) {
    return [table, suffix](const World& w) { return table(w) + suffix; };
  };
  const auto record = [table](const World& w) { return table(w) + "/record/" + w.recordId; };
  const auto field = [table](const World& w) { return table(w) + "/field/" + w.fieldId; };
  const auto view = [table](const World& w) { return table(w) + "/view/" + w.viewId; };
  const auto body = [](boost::json::value value) {
    return [value](const World&) { return value; };
  };
  const boost::json::value emptyFields = {{"fields", boost::json::object()}};
  const std::vector<Case> data = {
      {"GET", tables, none, On::Base, Role::Viewer, 200},
      {"POST", tables, body({{"name", "Another"}}), On::Base, Role::Creator, 201},
      {"GET", tableInBase, none, On::Base, Role::Viewer, 200},
      {"PATCH", tableInBase, name, On::Base, Role::Creator, 200},
      {"DELETE", tableInBase, none, On::Base, Role::Creator, 200},
      {"GET", sub("/field"), none, On::Base, Role::Viewer, 200},
      {"POST", sub("/field"), body({{"name", "More"}, {"type", "number"}}), On::Base, Role::Creator,
       201},
      {"GET", field, none, On::Base, Role::Viewer, 200},
      {"PATCH", field, name, On::Base, Role::Creator, 200},
      {"DELETE", field, none, On::Base, Role::Creator, 200},
      {"GET", sub("/record"), none, On::Base, Role::Viewer, 200},
      {"GET", sub("/record/count"), none, On::Base, Role::Viewer, 200},
      {"GET", record, none, On::Base, Role::Viewer, 200},
      {"POST", sub("/record"), body({{"records", {emptyFields}}}), On::Base, Role::Editor, 201},
      {"PATCH", record, body(emptyFields), On::Base, Role::Editor, 200},
      {"PATCH", sub("/record"),
       [](const World& w) {
         return boost::json::value{
             {"records", {{{"id", w.recordId}, {"fields", boost::json::object()}}}}};
       },
       On::Base, Role::Editor, 200},
      {"DELETE", record, none, On::Base, Role::Editor, 200},
      {"DELETE", [table](const World& w) { return table(w) + "/record?recordIds=" + w.recordId; },
       none, On::Base, Role::Editor, 200},
      {"GET", sub("/view"), none, On::Base, Role::Viewer, 200},
      {"POST", sub("/view"), body({{"name", "Mine"}}), On::Base, Role::Editor, 201},
      {"GET", view, none, On::Base, Role::Viewer, 200},
      {"PATCH", view, name, On::Base, Role::Editor, 200},
      {"DELETE", view, none, On::Base, Role::Editor, 204},
  };
  cases.insert(cases.end(), data.begin(), data.end());
  return cases;
}

class RolesTest : public ::testing::Test {
 protected:
  RolesTest() {
    for (const auto& [role, roleName] : kRoleNames) {
      users[role] = signUp(client, roleName + "@example.com");
    }
    extra = signUp(client, "extra@example.com");
    signUp(client, "newcomer@example.com");
  }

  void add(On on, const std::string& id, const std::string& email, const std::string& role) {
    const std::string path =
        (on == On::Space ? "/api/space/" : "/api/base/") + id + "/collaborator";
    const HttpResult result =
        client.json("POST", path, {{"email", email}, {"role", role}}, users[Role::Owner].headers());
    ASSERT_EQ(result.status, 201) << path << " " << result.body;
  }

  // A space and a base owned by the owner, where every other role is
  // granted at the level `grantedOn`; the outsider gets nothing.
  World makeWorld(On grantedOn) {
    World world;
    const auto& owner = users[Role::Owner];
    const HttpResult space = client.json("POST", "/api/space", {{"name", "S"}}, owner.headers());
    world.spaceId = str(space.json(), "id");
    const HttpResult base = client.json(
        "POST", "/api/base", {{"spaceId", world.spaceId}, {"name", "B"}}, owner.headers());
    world.baseId = str(base.json(), "id");
    const std::string target = grantedOn == On::Space ? world.spaceId : world.baseId;
    for (const Role role : {Role::Creator, Role::Editor, Role::Commenter, Role::Viewer}) {
      add(grantedOn, target, users[role].email, kRoleNames.at(role));
    }
    for (const On on : {On::Space, On::Base}) {
      add(on, on == On::Space ? world.spaceId : world.baseId, extra.email, "viewer");
    }
    world.extraUserId = extra.id;
    const HttpResult table = client.json("POST", "/api/base/" + world.baseId + "/table",
                                         {{"name", "T"},
                                          {"fields",
                                           {{{"name", "Name"}, {"type", "singleLineText"}},
                                            {{"name", "Extra"}, {"type", "number"}}}}},
                                         owner.headers());
    world.tableId = str(table.json(), "id");
    world.fieldId = str(table.json().at("fields").at(1), "id");
    const std::string tablePath = "/api/table/" + world.tableId;
    world.recordId = str(client
                             .json("POST", tablePath + "/record",
                                   {{"records", {{{"fields", {{"Name", "r"}}}}}}}, owner.headers())
                             .json()
                             .at("records")
                             .at(0),
                         "id");
    world.viewId =
        str(client.json("POST", tablePath + "/view", {{"name", "Second"}}, owner.headers()).json(),
            "id");
    return world;
  }

  static int expectedStatus(const Case& c, Role role, On grantedOn) {
    Role effective = role;
    // A base role gives nothing on the space (the owner is the space's).
    if (c.on == On::Space && grantedOn == On::Base && role != Role::Owner) effective = Role::None;
    if (effective == Role::None) return 404;
    if (effective < c.weakestAllowed) return 403;
    return c.successStatus;
  }

  int runMatrix(On grantedOn) {
    int ran = 0;
    for (const Case& c : allCases()) {
      for (const auto& [role, roleName] : kRoleNames) {
        const World world = makeWorld(grantedOn);
        const std::string path = c.path(world);
        const HttpResult result = client.json(c.method, path, c.body(world), users[role].headers());
        const int expected = expectedStatus(c, role, grantedOn);
        EXPECT_EQ(result.status, expected)
            << c.method << " " << path << " as " << roleName << " granted on "
            << (grantedOn == On::Space ? "space" : "base") << ": " << result.body;
        if (expected == 403) {
          EXPECT_EQ(result.errorCode(), "forbidden") << result.body;
        }
        if (expected == 404) {
          EXPECT_EQ(result.errorCode(), "not_found") << result.body;
        }
        ++ran;
      }
    }
    return ran;
  }

  TestServer server;
  HttpClient client{server.port()};
  std::map<Role, BrowserUser> users;
  BrowserUser extra;
};

TEST_F(RolesTest, EveryEndpointForEveryRoleGrantedOnTheSpace) {
  const int ran = runMatrix(On::Space);
  EXPECT_EQ(ran, static_cast<int>(allCases().size() * kRoleNames.size()));
  std::cout << "role matrix (space roles): " << ran << " cases\n";
}

TEST_F(RolesTest, EveryEndpointForEveryRoleGrantedOnTheBase) {
  const int ran = runMatrix(On::Base);
  std::cout << "role matrix (base roles): " << ran << " cases\n";
}

TEST_F(RolesTest, ARefusedChangeChangesNothing) {
  const World world = makeWorld(On::Space);
  const auto& viewer = users[Role::Viewer];
  const HttpResult refused =
      client.json("PATCH", "/api/space/" + world.spaceId, {{"name", "Hijacked"}}, viewer.headers());
  ASSERT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json().at("status").as_int64(), 403);
  EXPECT_FALSE(refused.json().at("message").as_string().empty());
  const HttpResult space =
      client.request("GET", "/api/space/" + world.spaceId, "", viewer.headers());
  EXPECT_EQ(str(space.json(), "name"), "S");
  EXPECT_EQ(str(space.json(), "role"), "viewer");
}

TEST_F(RolesTest, BaseAndSpaceRolesCombineToTheStronger) {
  const World world = makeWorld(On::Space);  // editor has space role "editor"
  add(On::Base, world.baseId, users[Role::Editor].email, "creator");
  const auto& editor = users[Role::Editor];
  const HttpResult rename = client.json("PATCH", "/api/base/" + world.baseId,
                                        {{"name", "By the base creator"}}, editor.headers());
  EXPECT_EQ(rename.status, 200) << rename.body;
  EXPECT_EQ(str(rename.json(), "role"), "creator");
  // A weaker base role does not lower a stronger space role.
  add(On::Base, world.baseId, users[Role::Creator].email, "viewer");
  const HttpResult base =
      client.request("GET", "/api/base/" + world.baseId, "", users[Role::Creator].headers());
  EXPECT_EQ(str(base.json(), "role"), "creator");
}

TEST_F(RolesTest, ListsShowOnlyWhatTheUserCanReach) {
  const World spaceWorld = makeWorld(On::Space);
  const World baseWorld = makeWorld(On::Base);
  const auto& viewer = users[Role::Viewer];
  const auto spaces = client.request("GET", "/api/space", "", viewer.headers()).json();
  ASSERT_EQ(spaces.at("spaces").as_array().size(), 1u);
  EXPECT_EQ(str(spaces.at("spaces").as_array()[0], "id"), spaceWorld.spaceId);
  const auto bases = client.request("GET", "/api/base", "", viewer.headers()).json();
  std::set<std::string> ids;
  for (const auto& base : bases.at("bases").as_array()) ids.insert(str(base, "id"));
  EXPECT_EQ(ids, (std::set<std::string>{spaceWorld.baseId, baseWorld.baseId}));
  const auto outsider = client.request("GET", "/api/base", "", users[Role::None].headers()).json();
  EXPECT_TRUE(outsider.at("bases").as_array().empty());
}

TEST_F(RolesTest, DeletingASpaceDeletesItsBases) {
  const World world = makeWorld(On::Space);
  const auto& owner = users[Role::Owner];
  ASSERT_EQ(client.request("DELETE", "/api/space/" + world.spaceId, "", owner.headers()).status,
            204);
  EXPECT_EQ(client.request("GET", "/api/base/" + world.baseId, "", owner.headers()).status, 404);
  EXPECT_EQ(client.request("GET", "/api/space/" + world.spaceId, "", owner.headers()).status, 404);
}

TEST_F(RolesTest, ASpaceKeepsItsLastOwner) {
  const World world = makeWorld(On::Space);
  const auto& owner = users[Role::Owner];
  const std::string self = "/api/space/" + world.spaceId + "/collaborator/" + owner.id;
  const HttpResult demote = client.json("PATCH", self, {{"role", "editor"}}, owner.headers());
  EXPECT_EQ(demote.status, 409);
  EXPECT_EQ(demote.errorCode(), "last_owner");
  const HttpResult leave = client.request("DELETE", self, "", owner.headers());
  EXPECT_EQ(leave.status, 409);
  EXPECT_EQ(leave.errorCode(), "last_owner");

  const std::string creatorPath =
      "/api/space/" + world.spaceId + "/collaborator/" + users[Role::Creator].id;
  ASSERT_EQ(client.json("PATCH", creatorPath, {{"role", "owner"}}, owner.headers()).status, 200);
  EXPECT_EQ(client.json("PATCH", self, {{"role", "editor"}}, owner.headers()).status, 200);
}

TEST_F(RolesTest, AnyCollaboratorMayLeave) {
  const World world = makeWorld(On::Space);
  const auto& viewer = users[Role::Viewer];
  const std::string self = "/api/space/" + world.spaceId + "/collaborator/" + viewer.id;
  EXPECT_EQ(client.request("DELETE", self, "", viewer.headers()).status, 204);
  EXPECT_EQ(client.request("GET", "/api/space/" + world.spaceId, "", viewer.headers()).status, 404);
}

TEST_F(RolesTest, CollaboratorMistakesGetClearErrors) {
  const World world = makeWorld(On::Space);
  const auto& owner = users[Role::Owner];
  const std::string spaceMembers = "/api/space/" + world.spaceId + "/collaborator";
  const std::string baseMembers = "/api/base/" + world.baseId + "/collaborator";
  const struct {
    std::string path;
    boost::json::value body;
    int status;
    std::string code;
  } cases[] = {
      {spaceMembers, {{"email", "ghost@example.com"}, {"role", "viewer"}}, 404, "user_not_found"},
      {spaceMembers,
       {{"email", users[Role::Viewer].email}, {"role", "viewer"}},
       409,
       "already_collaborator"},
      {spaceMembers, {{"email", "newcomer@example.com"}, {"role", "admin"}}, 400, "invalid_role"},
      {baseMembers, {{"email", "newcomer@example.com"}, {"role", "owner"}}, 400, "invalid_role"},
      {spaceMembers, {{"email", "newcomer@example.com"}}, 400, "missing_field"},
  };
  for (const auto& c : cases) {
    const HttpResult result = client.json("POST", c.path, c.body, owner.headers());
    EXPECT_EQ(result.status, c.status) << result.body;
    EXPECT_EQ(result.errorCode(), c.code) << result.body;
  }
  const HttpResult notMember = client.json("PATCH", spaceMembers + "/" + users[Role::None].id,
                                           {{"role", "editor"}}, owner.headers());
  EXPECT_EQ(notMember.status, 404);
}

}  // namespace
}  // namespace tessera::testing
