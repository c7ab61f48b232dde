// The authorization matrix: every route x every role (owner, creator,
// editor, commenter, viewer, not a member, instance admin) x every
// credential (browser session; a token with each preset; a token with each
// single action; tokens restricted to the right or another base or space;
// expired, deleted and refreshed-away tokens; OAuth access tokens granted
// each preset, restricted the same ways, for /mcp only, or revoked; no
// credentials). The expected
// answer of each case is computed from tests/authz/policy.json, which is
// written from the rules, not from the server's code. A route the server
// registers that the table lacks fails the test.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "support/oauth_flow.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

const std::vector<std::string> kRoleOrder = {"none",   "viewer",  "commenter",
                                             "editor", "creator", "owner"};

int rank(const std::string& role) {
  for (std::size_t i = 0; i < kRoleOrder.size(); ++i) {
    if (kRoleOrder[i] == role) return static_cast<int>(i);
  }
  return 0;
}

boost::json::value readPolicy() {
  std::ifstream in(TESSERA_POLICY_JSON);
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str());
}

std::string inSeconds(long seconds) {
  const std::time_t t = std::time(nullptr) + seconds;
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buffer;
}

struct Credential {
  enum class Kind { None, Session, Token, Expired, Deleted, Refreshed };
  std::string label;
  Kind kind = Kind::None;
  std::vector<std::string> scopes;  // names as given to the token
  std::vector<std::string> spaceIds, baseIds;
  Headers headers;
  // An OAuth access token granted only for this resource ("mcp"): refused
  // with token_wrong_resource on the other. Empty: every resource.
  std::string onlyResource;
};

struct Actor {
  std::string label;
  std::string roleOnMainSpace;  // "none" for the outsider and the admin
  BrowserUser user;
  std::vector<Credential> credentials;
  std::string victimTokenId;
};

struct Expected {
  int status;
  std::string code;  // empty: any (a success)
};

class AuthzMatrix {
 public:
  AuthzMatrix() : policy_(readPolicy()) {
    for (const auto& [action, role] : policy_.at("weakestRole").as_object()) {
      weakest_[std::string(action)] = std::string(role.as_string());
    }
    for (const auto& [preset, actions] : policy_.at("presets").as_object()) {
      std::set<std::string>& granted = presets_[std::string(preset)];
      if (actions.is_string()) {
        for (const auto& action : policy_.at("actions").as_array())
          granted.emplace(action.as_string());
      } else {
        for (const auto& action : actions.as_array()) granted.emplace(action.as_string());
      }
    }
  }

  const boost::json::value& policy() const { return policy_; }

  bool scopesAllow(const Credential& credential, const std::string& action) const {
    for (const std::string& scope : credential.scopes) {
      if (scope == action) return true;
      auto preset = presets_.find(scope);
      if (preset != presets_.end() && preset->second.contains(action)) return true;
    }
    return false;
  }

  bool roleAllows(const std::string& role, const std::string& action) const {
    return role != "none" && rank(role) >= rank(weakest_.at(action));
  }

  static bool covers(const Credential& credential, const std::string& spaceId,
                     const std::string& baseId) {
    if (credential.spaceIds.empty() && credential.baseIds.empty()) return true;
    for (const auto& id : credential.spaceIds) {
      if (id == spaceId) return true;
    }
    for (const auto& id : credential.baseIds) {
      if (!baseId.empty() && id == baseId) return true;
    }
    return false;
  }

  // The answer the written rules give.
  Expected expect(const boost::json::object& route, const std::string& role, bool instanceAdmin,
                  const Credential& credential, const std::string& spaceId,
                  const std::string& baseId) const {
    using Kind = Credential::Kind;
    const int success = static_cast<int>(route.at("status").as_int64());
    if (route.contains("credentials") && route.at("credentials") == "ignored") return {success, ""};
    switch (credential.kind) {
      case Kind::Expired:
        return {401, "token_expired"};
      case Kind::Deleted:
        return {401, "token_revoked"};
      case Kind::Refreshed:
        return {401, "token_refreshed"};
      default:
        break;
    }
    const std::string path(route.at("path").as_string());
    const std::string resource = path == "/mcp" || path.starts_with("/mcp/") ? "mcp" : "api";
    if (!credential.onlyResource.empty() && credential.onlyResource != resource) {
      return {401, "token_wrong_resource"};
    }
    const std::string kind(route.at("kind").as_string());
    // The matrix runs over loopback, where /metrics is open like a public route.
    if (kind == "anyone" || kind == "loopback") return {success, ""};
    if (credential.kind == Kind::None) return {401, "unauthenticated"};
    const bool token = credential.kind == Kind::Token;
    if (kind == "session")
      return token ? Expected{403, "token_cannot_manage_tokens"} : Expected{success, ""};
    if (kind == "token") return token ? Expected{success, ""} : Expected{401, "unauthenticated"};
    if (kind == "instanceAdmin") {
      if (token) return {403, "token_cannot_administer"};
      return instanceAdmin ? Expected{success, ""} : Expected{403, "not_instance_admin"};
    }
    const std::string action =
        route.contains("action") ? std::string(route.at("action").as_string()) : "";
    if (kind == "signedIn") {
      if (token && !action.empty() && !scopesAllow(credential, action))
        return {403, "insufficient_scope"};
      if (token && action == "space:create" &&
          !(credential.spaceIds.empty() && credential.baseIds.empty())) {
        return {403, "resource_not_allowed"};
      }
      if (!token && route.contains("sessionStatus")) {
        return {static_cast<int>(route.at("sessionStatus").as_int64()), ""};
      }
      return {success, ""};
    }
    if (role == "none") return {404, "not_found"};
    if (token) {
      if (!covers(credential, spaceId, baseId)) return {403, "resource_not_allowed"};
      if (!scopesAllow(credential, action)) return {403, "insufficient_scope"};
    }
    if (!roleAllows(role, action)) return {403, token ? "role_forbids" : "forbidden"};
    return {success, ""};
  }

 private:
  boost::json::value policy_;
  std::map<std::string, std::string> weakest_;
  std::map<std::string, std::set<std::string>> presets_;
};

class AuthzMatrixTest : public ::testing::Test {
 protected:
  AuthzMatrixTest() {
    admin_ = signUp(client_, "admin@example.com");  // the first user: instance admin
    owner_ = signUp(client_, "owner@example.com");
    extra_ = signUp(client_, "extra@example.com");
    newcomer_ = signUp(client_, "newcomer@example.com");
    mainSpace_ = create("/api/space", {{"name", "Main"}});
    mainBase_ = create("/api/base", {{"spaceId", mainSpace_}, {"name", "Main base"}});
    const auto table = client_
                           .json("POST", "/api/base/" + mainBase_ + "/table",
                                 {{"name", "T"},
                                  {"fields",
                                   {{{"name", "Name"}, {"type", "singleLineText"}},
                                    {{"name", "N"}, {"type", "number"}}}}},
                                 owner_.headers())
                           .json();
    table_ = std::string(table.at("id").as_string());
    field_ = std::string(table.at("fields").at(1).at("id").as_string());
    record_ = newRecord();
    view_ = create("/api/table/" + table_ + "/view", {{"name", "V"}});
    otherSpace_ = create("/api/space", {{"name", "Other"}});
    otherBase_ = create("/api/base", {{"spaceId", otherSpace_}, {"name", "Other base"}});
    addCollaborator("space", mainSpace_, "extra@example.com", "viewer");
    addCollaborator("base", mainBase_, "extra@example.com", "viewer");
    // Everyone who may join through this link is a collaborator of the
    // other space already, so joining changes nothing the cases rely on.
    invitationCode_ = std::string(client_
                                      .json("POST", "/api/space/" + otherSpace_ + "/invite-link",
                                            {{"role", "viewer"}}, owner_.headers())
                                      .json()
                                      .at("code")
                                      .as_string());

    actors_.push_back({"owner", "owner", owner_, {}, ""});
    for (const std::string role : {"creator", "editor", "commenter", "viewer"}) {
      const BrowserUser user = signUp(client_, role + "@example.com");
      addCollaborator("space", mainSpace_, user.email, role);
      actors_.push_back({role, role, user, {}, ""});
    }
    actors_.push_back({"not a member", "none", signUp(client_, "outsider@example.com"), {}, ""});
    actors_.push_back({"instance admin", "none", admin_, {}, ""});
    app_ = registerApp(client_, "Matrix app");
    for (Actor& actor : actors_) {
      if (actor.label != "owner") addCollaborator("space", otherSpace_, actor.user.email, "viewer");
      makeCredentials(actor);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // the expiring tokens expire
  }

  std::string create(const std::string& path, const boost::json::value& body) {
    const HttpResult result = client_.json("POST", path, body, owner_.headers());
    EXPECT_EQ(result.status, 201) << path << " " << result.body;
    return std::string(result.json().at("id").as_string());
  }
  std::string newRecord() {
    const auto created =
        client_.json("POST", "/api/table/" + table_ + "/record",
                     {{"records", {{{"fields", {{"Name", "r"}}}}}}}, owner_.headers());
    return std::string(created.json().at("records").at(0).at("id").as_string());
  }
  void addCollaborator(const std::string& kind, const std::string& id, const std::string& email,
                       const std::string& role) {
    client_.json("POST", "/api/" + kind + "/" + id + "/collaborator",
                 {{"email", email}, {"role", role}}, owner_.headers());
  }
  void removeCollaborator(const std::string& kind, const std::string& id,
                          const std::string& userId) {
    client_.request("DELETE", "/api/" + kind + "/" + id + "/collaborator/" + userId, "",
                    owner_.headers());
  }

  // POST /api/access-token for `actor`; returns {id, value}.
  std::pair<std::string, std::string> token(const Actor& actor, const boost::json::object& extra,
                                            const std::string& expiresAt) {
    boost::json::object body{{"name", "t" + std::to_string(counter_++)}, {"expiresAt", expiresAt}};
    for (const auto& entry : extra) body[entry.key()] = entry.value();
    const HttpResult result = client_.json("POST", "/api/access-token", body, actor.user.headers());
    EXPECT_EQ(result.status, 201) << actor.label << " " << result.body;
    return {std::string(result.json().at("id").as_string()),
            std::string(result.json().at("token").as_string())};
  }

  void addToken(Actor& actor, const std::string& label, std::vector<std::string> scopes,
                std::vector<std::string> spaces = {}, std::vector<std::string> bases = {}) {
    boost::json::array scopeList, spaceList, baseList;
    for (const auto& s : scopes) scopeList.emplace_back(s);
    for (const auto& s : spaces) spaceList.emplace_back(s);
    for (const auto& s : bases) baseList.emplace_back(s);
    const auto [id, value] =
        token(actor, {{"scopes", scopeList}, {"spaceIds", spaceList}, {"baseIds", baseList}},
              inSeconds(86400));
    actor.credentials.push_back({label,
                                 Credential::Kind::Token,
                                 scopes,
                                 spaces,
                                 bases,
                                 {{"Authorization", "Bearer " + value}},
                                 ""});
  }

  // An OAuth access token `actor` granted the matrix's app on the consent
  // page, with these scopes and restriction, for both resources unless
  // `onlyResource` says.
  void addOAuthToken(Actor& actor, const std::string& label, std::vector<std::string> scopes,
                     std::vector<std::string> spaces = {}, std::vector<std::string> bases = {},
                     const std::string& onlyResource = "") {
    boost::json::array scopeList, spaceList, baseList, resources;
    for (const auto& s : scopes) scopeList.emplace_back(s);
    for (const auto& s : spaces) spaceList.emplace_back(s);
    for (const auto& s : bases) baseList.emplace_back(s);
    if (onlyResource.empty())
      resources = {"mcp", "api"};
    else
      resources.emplace_back(onlyResource);
    const std::string access =
        connectApp(client_, actor.user, app_, scopeList,
                   {{"spaceIds", spaceList}, {"baseIds", baseList}, {"resources", resources}});
    actor.credentials.push_back({label,
                                 Credential::Kind::Token,
                                 scopes,
                                 spaces,
                                 bases,
                                 {{"Authorization", "Bearer " + access}},
                                 onlyResource});
  }

  void makeOAuthCredentials(Actor& actor) {
    for (const auto& [preset, actions] : matrix_.policy().at("presets").as_object()) {
      addOAuthToken(actor, "oauth:" + std::string(preset), {std::string(preset)});
    }
    addOAuthToken(actor, "oauth:record:read", {"record:read"});
    if (actor.roleOnMainSpace != "none") {
      addOAuthToken(actor, "oauth restricted to the right base", {"full_access"}, {}, {mainBase_});
    }
    addOAuthToken(actor, "oauth restricted to another space", {"full_access"}, {otherSpace_});
    addOAuthToken(actor, "oauth for /mcp only", {"full_access"}, {}, {}, "mcp");
    const std::string revoked = connectApp(client_, actor.user, app_, {"full_access"});
    client_.request("POST", "/oauth/revoke", "token=" + revoked,
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    actor.credentials.push_back({"revoked oauth token",
                                 Credential::Kind::Deleted,
                                 {},
                                 {},
                                 {},
                                 {{"Authorization", "Bearer " + revoked}},
                                 ""});
  }

  void makeCredentials(Actor& actor) {
    actor.credentials.push_back({"no credentials", Credential::Kind::None, {}, {}, {}, {}, ""});
    actor.credentials.push_back(
        {"session", Credential::Kind::Session, {}, {}, {}, actor.user.headers(), ""});
    for (const auto& [preset, actions] : matrix_.policy().at("presets").as_object()) {
      addToken(actor, "token:" + std::string(preset), {std::string(preset)});
    }
    for (const auto& action : matrix_.policy().at("actions").as_array()) {
      addToken(actor, "token:" + std::string(action.as_string()),
               {std::string(action.as_string())});
    }
    if (actor.roleOnMainSpace != "none") {
      addToken(actor, "token restricted to the right base", {"full_access"}, {}, {mainBase_});
      addToken(actor, "token restricted to the right space", {"full_access"}, {mainSpace_});
    }
    addToken(actor, "token restricted to another base", {"full_access"}, {}, {otherBase_});
    addToken(actor, "token restricted to another space", {"full_access"}, {otherSpace_});
    const auto expiring = token(actor, {{"scopes", {"full_access"}}}, inSeconds(2));
    actor.credentials.push_back({"expired token",
                                 Credential::Kind::Expired,
                                 {},
                                 {},
                                 {},
                                 {{"Authorization", "Bearer " + expiring.second}},
                                 ""});
    const auto deleted = token(actor, {{"scopes", {"full_access"}}}, inSeconds(86400));
    client_.request("DELETE", "/api/access-token/" + deleted.first, "", actor.user.headers());
    actor.credentials.push_back({"deleted token",
                                 Credential::Kind::Deleted,
                                 {},
                                 {},
                                 {},
                                 {{"Authorization", "Bearer " + deleted.second}},
                                 ""});
    const auto refreshed = token(actor, {{"scopes", {"full_access"}}}, inSeconds(86400));
    client_.request("POST", "/api/access-token/" + refreshed.first + "/refresh", "",
                    actor.user.headers());
    actor.credentials.push_back({"old value of a refreshed token",
                                 Credential::Kind::Refreshed,
                                 {},
                                 {},
                                 {},
                                 {{"Authorization", "Bearer " + refreshed.second}},
                                 ""});
    actor.victimTokenId = token(actor, {{"scopes", {"read"}}}, inSeconds(86400)).first;
    makeOAuthCredentials(actor);
  }

  // A fresh target for a route whose successful call consumes it.
  void renewVictim(const std::string& victim, Actor& actor) {
    if (victim == "space") {
      victimSpace_ = create("/api/space", {{"name", "Victim"}});
      for (const Actor& other : actors_) {
        if (other.roleOnMainSpace != "none" && other.label != "owner") {
          addCollaborator("space", victimSpace_, other.user.email, other.roleOnMainSpace);
        }
      }
    } else if (victim == "base") {
      victimBase_ = create("/api/base", {{"spaceId", mainSpace_}, {"name", "Victim"}});
    } else if (victim == "table") {
      victimTable_ =
          create("/api/base/" + mainBase_ + "/table", {{"name", "v" + std::to_string(counter_++)}});
    } else if (victim == "field") {
      victimField_ = create("/api/table/" + table_ + "/field",
                            {{"name", "v" + std::to_string(counter_++)}, {"type", "number"}});
    } else if (victim == "trashedField") {
      victimField_ = create("/api/table/" + table_ + "/field",
                            {{"name", "v" + std::to_string(counter_++)}, {"type", "number"}});
      client_.request("DELETE", "/api/table/" + table_ + "/field/" + victimField_, "",
                      owner_.headers());
    } else if (victim == "trashedView") {
      victimView_ =
          create("/api/table/" + table_ + "/view", {{"name", "v" + std::to_string(counter_++)}});
      client_.request("DELETE", "/api/table/" + table_ + "/view/" + victimView_, "",
                      owner_.headers());
    } else if (victim == "record" || victim == "recordByQuery") {
      victimRecord_ = newRecord();
    } else if (victim == "view") {
      victimView_ =
          create("/api/table/" + table_ + "/view", {{"name", "v" + std::to_string(counter_++)}});
    } else if (victim == "invitationInSpace" || victim == "invitationInBase") {
      const std::string on =
          victim == "invitationInSpace" ? "/api/space/" + mainSpace_ : "/api/base/" + mainBase_;
      victimInvitation_ = create(on + "/invitation", body("emailInvitation"));
    } else if (victim == "extraInSpace") {
      addCollaborator("space", mainSpace_, "extra@example.com", "viewer");
    } else if (victim == "extraInBase") {
      addCollaborator("base", mainBase_, "extra@example.com", "viewer");
    } else if (victim == "newcomerInSpace") {
      removeCollaborator("space", mainSpace_, newcomer_.id);
    } else if (victim == "newcomerInBase") {
      removeCollaborator("base", mainBase_, newcomer_.id);
    } else if (victim == "token") {
      actor.victimTokenId = token(actor, {{"scopes", {"read"}}}, inSeconds(86400)).first;
    }
  }

  boost::json::value body(const std::string& recipe) {
    const std::string unique = "n" + std::to_string(counter_++);
    if (recipe == "name") return {{"name", unique}};
    if (recipe == "base") return {{"spaceId", mainSpace_}, {"name", unique}};
    if (recipe == "collaborator") return {{"email", "newcomer@example.com"}, {"role", "viewer"}};
    if (recipe == "role") return {{"role", "editor"}};
    if (recipe == "emailInvitation")
      return {{"email", unique + "@invited.example.com"}, {"role", "viewer"}};
    if (recipe == "invitationCode") return {{"code", invitationCode_}};
    if (recipe == "field") return {{"name", unique}, {"type", "number"}};
    if (recipe == "formula") return {{"expression", "{N} * 2"}};
    if (recipe == "records") return {{"records", {{{"fields", boost::json::object()}}}}};
    if (recipe == "recordBatch")
      return {{"records", {{{"id", record_}, {"fields", boost::json::object()}}}}};
    if (recipe == "recordFields") return {{"fields", boost::json::object()}};
    if (recipe == "token")
      return {{"name", unique}, {"scopes", {"read"}}, {"expiresAt", inSeconds(86400)}};
    if (recipe == "signup") {
      return {{"email", unique + "@signup.example.com"},
              {"name", "N"},
              {"password", "correct horse battery"}};
    }
    if (recipe == "signin")
      return {{"email", "owner@example.com"}, {"password", "correct horse battery"}};
    if (recipe == "password")
      return {{"currentPassword", "correct horse battery"},
              {"newPassword", "correct horse battery"}};
    if (recipe == "leaked") return {{"tokens", {"tsr_pat_notarealtoken"}}};
    if (recipe == "empty") return boost::json::object();
    if (recipe == "clientStatus") return {{"status", "allowed"}};
    if (recipe == "clientRegistration")
      return {{"client_name", unique}, {"redirect_uris", {"http://127.0.0.1/cb"}}};
    if (recipe == "mcpPing") return {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "ping"}};
    return nullptr;
  }

  // The matrix sends thousands of bad tokens and leak reports from one
  // address on purpose; the per-address limits are raised so they do not
  // answer 429 in place of the rules under test.
  TestServer server_{{"--last-used-flush-seconds", "60", "--leak-reports-per-minute", "100000",
                      "--bad-tokens-per-minute", "1000000", "--oauth-registrations-per-minute",
                      "100000"}};
  HttpClient client_{server_.port()};
  std::string app_;  // the OAuth app every actor grants tokens to
  AuthzMatrix matrix_;
  BrowserUser admin_, owner_, extra_, newcomer_;
  std::string mainSpace_, mainBase_, table_, field_, record_, view_, otherSpace_, otherBase_;
  std::string victimSpace_, victimBase_, victimTable_, victimField_, victimRecord_, victimView_;
  std::string victimInvitation_, invitationCode_;
  std::vector<Actor> actors_;
  int counter_ = 0;
};

TEST_F(AuthzMatrixTest, EveryRouteRoleAndCredentialGetsTheAnswerTheRulesGive) {
  // The table covers exactly the routes the server registers.
  std::string output;
  const auto dir = server_.dataDir().parent_path() / "routes";
  ASSERT_EQ(runTessera({"routes", "--data-dir", dir.string()}, "", output), 0) << output;
  std::filesystem::remove_all(dir);
  const auto registered = boost::json::parse(output.substr(output.find('[')));
  std::set<std::string> inServer, inTable;
  for (const auto& route : registered.as_array()) {
    inServer.insert(std::string(route.at("method").as_string()) + " " +
                    std::string(route.at("path").as_string()));
  }
  for (const auto& route : matrix_.policy().at("routes").as_array()) {
    inTable.insert(std::string(route.at("method").as_string()) + " " +
                   std::string(route.at("path").as_string()));
  }
  ASSERT_EQ(inServer, inTable)
      << "every route the server registers must be in tests/authz/policy.json";

  int cases = 0, failures = 0;
  for (const auto& entry : matrix_.policy().at("routes").as_array()) {
    const auto& route = entry.as_object();
    if (route.contains("matrix") && !route.at("matrix").as_bool()) continue;
    const std::string method(route.at("method").as_string());
    const std::string victim =
        route.contains("victim") ? std::string(route.at("victim").as_string()) : "";
    const std::string recipe =
        route.contains("body") ? std::string(route.at("body").as_string()) : "";
    const std::string resource =
        route.contains("resource") ? std::string(route.at("resource").as_string()) : "";
    bool needVictim = true;  // a successful call consumes the route's target
    for (Actor& actor : actors_) {
      for (const Credential& credential : actor.credentials) {
        if (victim == "token") {
          // Each actor deletes their own token; only a session can.
          if (credential.kind == Credential::Kind::Session) renewVictim(victim, actor);
        } else if (!victim.empty() && needVictim) {
          renewVictim(victim, actor);
          needVictim = false;
        }
        std::string path(route.at("path").as_string());
        const auto bind = [&path](const std::string& name, const std::string& value) {
          const std::string placeholder = "{" + name + "}";
          if (auto at = path.find(placeholder); at != std::string::npos)
            path.replace(at, placeholder.size(), value);
        };
        const std::string spaceId = victim == "space" ? victimSpace_ : mainSpace_;
        const std::string baseId = victim == "base" ? victimBase_ : mainBase_;
        bind("spaceId", spaceId);
        bind("baseId", baseId);
        bind("tableId", victim == "table" ? victimTable_ : table_);
        bind("fieldId", victim == "field" || victim == "trashedField" ? victimField_ : field_);
        bind("recordId", victim == "record" ? victimRecord_ : record_);
        bind("viewId", victim == "view" || victim == "trashedView" ? victimView_ : view_);
        bind("userId", extra_.id);
        bind("invitationId", victimInvitation_);
        bind("tokenId", actor.victimTokenId);
        if (victim == "recordByQuery") path += "?recordIds=" + victimRecord_;
        const std::string roleOnTarget = actor.roleOnMainSpace;
        const Expected expected =
            matrix_.expect(route, roleOnTarget, actor.user.id == admin_.id, credential, spaceId,
                           resource == "space" ? "" : baseId);
        const HttpResult result = client_.json(method, path, body(recipe), credential.headers);
        ++cases;
        if (result.status >= 200 && result.status < 300) needVictim = true;
        const bool ok = result.status == expected.status &&
                        (expected.code.empty() || result.errorCode() == expected.code);
        if (!ok && ++failures <= 40) {
          ADD_FAILURE() << method << " " << path << " as " << actor.label << " with "
                        << credential.label << ": expected " << expected.status << " "
                        << expected.code << ", got " << result.status << " "
                        << result.body.substr(0, 200);
        }
      }
    }
    if (victim == "token") {
      for (Actor& actor : actors_) renewVictim(victim, actor);  // later routes need a live one
    }
  }
  std::cout << "authorization matrix: " << cases << " cases, " << failures << " failures\n";
  EXPECT_EQ(failures, 0);
  EXPECT_GT(cases, 10000);
}

TEST_F(AuthzMatrixTest, ADeletedSpaceInARestrictionGrantsNothingLater) {
  const Actor& owner = actors_.front();
  const std::string doomed = create("/api/space", {{"name", "Doomed"}});
  const auto restricted =
      token(owner, {{"scopes", {"full_access"}}, {"spaceIds", {doomed}}}, inSeconds(86400));
  ASSERT_EQ(client_.request("DELETE", "/api/space/" + doomed, "", owner_.headers()).status, 204);
  const std::string next = create("/api/space", {{"name", "Next"}});
  EXPECT_NE(next, doomed) << "ids are never reused";
  const Headers bearer = {{"Authorization", "Bearer " + restricted.second}};
  EXPECT_EQ(client_.request("GET", "/api/space/" + next, "", bearer).errorCode(),
            "resource_not_allowed");
  EXPECT_TRUE(
      client_.request("GET", "/api/space", "", bearer).json().at("spaces").as_array().empty());
}

TEST_F(AuthzMatrixTest, ABaseCreatedLaterIsCoveredOnlyInsideTheAllowedSpace) {
  const Actor& owner = actors_.front();
  const auto spaceToken =
      token(owner, {{"scopes", {"read"}}, {"spaceIds", {mainSpace_}}}, inSeconds(86400));
  const Headers bearer = {{"Authorization", "Bearer " + spaceToken.second}};
  const std::string inside =
      create("/api/base", {{"spaceId", mainSpace_}, {"name", "Later inside"}});
  const std::string outside =
      create("/api/base", {{"spaceId", otherSpace_}, {"name", "Later outside"}});
  EXPECT_EQ(client_.request("GET", "/api/base/" + inside, "", bearer).status, 200);
  EXPECT_EQ(client_.request("GET", "/api/base/" + outside, "", bearer).errorCode(),
            "resource_not_allowed");
}

}  // namespace
}  // namespace tessera::testing
