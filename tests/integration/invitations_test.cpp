// Invitations to spaces and bases, over HTTP on the real server: by e-mail
// (taken up when that address signs up, even when sign-up is closed) and by
// link (a role and an expiry, revocable, the code shown once and needed to
// join), with every refusal a person or program can run into.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <ctime>
#include <thread>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

constexpr const char* kPassword = "correct horse battery";

std::string str(const boost::json::value& value, const char* key) {
  return std::string(value.at(key).as_string());
}

std::string inSeconds(long seconds) {
  const std::time_t t = std::time(nullptr) + seconds;
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buffer;
}

class InvitationsTest : public ::testing::Test {
 protected:
  InvitationsTest() {
    owner = signUp(client, "owner@example.com", "Olive Owner");
    spaceId = create("/api/space", {{"name", "Marketing"}});
    baseId = create("/api/base", {{"spaceId", spaceId}, {"name", "Campaigns"}});
  }

  std::string create(const std::string& path, const boost::json::value& body) {
    const HttpResult result = client.json("POST", path, body, owner.headers());
    EXPECT_EQ(result.status, 201) << path << " " << result.body;
    return str(result.json(), "id");
  }
  // A new link invitation's code.
  std::string link(const std::string& on, const std::string& role) {
    const HttpResult result =
        client.json("POST", on + "/invite-link", {{"role", role}}, owner.headers());
    EXPECT_EQ(result.status, 201) << result.body;
    return str(result.json(), "code");
  }
  HttpResult accept(const BrowserUser& user, const std::string& code) {
    return client.json("POST", "/api/invitation/accept", {{"code", code}}, user.headers());
  }
  // The role of `userId` among the collaborators at `on`, "" when none.
  std::string roleAt(const std::string& on, const std::string& userId) {
    const auto list = client.json("GET", on + "/collaborator", nullptr, owner.headers()).json();
    for (const auto& person : list.at("collaborators").as_array()) {
      if (str(person, "userId") == userId) return str(person, "role");
    }
    return "";
  }
  boost::json::array invitations(const std::string& on) {
    return client.json("GET", on + "/invitation", nullptr, owner.headers())
        .json()
        .at("invitations")
        .as_array();
  }

  TestServer server;
  HttpClient client{server.port()};
  BrowserUser owner;
  std::string spaceId, baseId;
  std::string space() const { return "/api/space/" + spaceId; }
  std::string base() const { return "/api/base/" + baseId; }
};

TEST_F(InvitationsTest, AnEmailInvitationBecomesARoleWhenThatAddressSignsUp) {
  const HttpResult invited =
      client.json("POST", space() + "/invitation",
                  {{"email", "New.Person@Example.com"}, {"role", "editor"}}, owner.headers());
  ASSERT_EQ(invited.status, 201) << invited.body;
  EXPECT_EQ(str(invited.json(), "kind"), "email");
  EXPECT_EQ(str(invited.json(), "email"), "New.Person@Example.com");
  EXPECT_EQ(str(invited.json(), "role"), "editor");
  EXPECT_EQ(str(invited.json().at("invitedBy"), "name"), "Olive Owner");
  EXPECT_FALSE(invited.json().as_object().contains("code"));
  ASSERT_EQ(invitations(space()).size(), 1u);

  const BrowserUser newcomer = signUp(client, "new.person@example.com");
  EXPECT_EQ(roleAt(space(), newcomer.id), "editor");
  EXPECT_EQ(client.json("GET", space(), nullptr, newcomer.headers()).status, 200);
  EXPECT_TRUE(invitations(space()).empty()) << "an e-mail invitation is used up at sign-up";
}

TEST_F(InvitationsTest, AnAccountAnAdministratorCreatesTakesUpItsInvitations) {
  client.json("POST", base() + "/invitation", {{"email", "cli@example.com"}, {"role", "commenter"}},
              owner.headers());
  std::string output;
  ASSERT_EQ(runTessera(onDatabaseOf(server, {"user", "create", "--email", "cli@example.com",
                                             "--name", "Cli", "--password-stdin"}),
                       "a long passphrase\n", output),
            0)
      << output;
  const auto created = boost::json::parse(output.substr(output.find('{')));
  EXPECT_EQ(roleAt(base(), str(created, "id")), "commenter");
  EXPECT_TRUE(invitations(base()).empty());
}

TEST_F(InvitationsTest, EmailInvitationsRefuseWhatCannotBeSent) {
  signUp(client, "member@example.com");
  const auto invite = [&](const std::string& on, boost::json::value body) {
    return client.json("POST", on + "/invitation", body, owner.headers());
  };
  EXPECT_EQ(invite(space(), {{"email", "member@example.com"}, {"role", "viewer"}}).errorCode(),
            "user_exists");
  EXPECT_EQ(invite(space(), {{"email", "not-an-address"}, {"role", "viewer"}}).errorCode(),
            "invalid_field");
  EXPECT_EQ(invite(space(), {{"email", "a@example.com"}, {"role", "boss"}}).errorCode(),
            "invalid_role");
  EXPECT_EQ(invite(base(), {{"email", "a@example.com"}, {"role", "owner"}}).errorCode(),
            "invalid_role")
      << "bases have no owners";
  EXPECT_EQ(
      invite(space(), {{"email", "a@example.com"}, {"role", "viewer"}, {"expiresAt", "2020-01-01"}})
          .errorCode(),
      "invalid_expiry");
  EXPECT_EQ(invite(space(), {{"email", "a@example.com"}, {"role", "viewer"}, {"expiresAt", "soon"}})
                .errorCode(),
            "invalid_expiry");
  EXPECT_EQ(invite(space(), {{"email", "a@example.com"},
                             {"role", "viewer"},
                             {"expiresAt", inSeconds(400 * 86400)}})
                .errorCode(),
            "invalid_expiry");
  EXPECT_TRUE(invitations(space()).empty()) << "nothing refused was stored";
  ASSERT_EQ(invite(space(), {{"email", "a@example.com"}, {"role", "viewer"}}).status, 201);
  const HttpResult again = invite(space(), {{"email", "A@example.com"}, {"role", "editor"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.errorCode(), "already_invited");
}

TEST_F(InvitationsTest, ALinkLetsWhoeverOpensItJoinWithItsRoleUntilRevoked) {
  const HttpResult created =
      client.json("POST", space() + "/invite-link", {{"role", "viewer"}}, owner.headers());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string code = str(created.json(), "code");
  EXPECT_EQ(code.rfind("tsr_inv_", 0), 0u);
  EXPECT_EQ(code.size(), 48u);
  EXPECT_EQ(str(created.json(), "kind"), "link");
  const auto listed = invitations(space());
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_FALSE(listed[0].as_object().contains("code")) << "the code is shown once";
  EXPECT_EQ(listed[0].at("useCount").as_int64(), 0);

  const HttpResult preview = client.json("POST", "/api/invitation/preview", {{"code", code}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(str(preview.json(), "kind"), "space");
  EXPECT_EQ(str(preview.json(), "name"), "Marketing");
  EXPECT_EQ(str(preview.json(), "role"), "viewer");
  EXPECT_EQ(str(preview.json(), "invitedBy"), "Olive Owner");

  const BrowserUser guest = signUp(client, "guest@example.com");
  EXPECT_EQ(client.json("GET", space(), nullptr, guest.headers()).status, 404);
  const HttpResult joined = accept(guest, code);
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_EQ(str(joined.json(), "role"), "viewer");
  EXPECT_FALSE(joined.json().at("alreadyMember").as_bool());
  EXPECT_EQ(client.json("GET", space(), nullptr, guest.headers()).status, 200);
  EXPECT_TRUE(accept(guest, code).json().at("alreadyMember").as_bool());

  // A stronger role someone holds stays; a weaker one is raised.
  const BrowserUser editor = signUp(client, "editor@example.com");
  client.json("POST", space() + "/collaborator", {{"email", editor.email}, {"role", "editor"}},
              owner.headers());
  EXPECT_EQ(str(accept(editor, code).json(), "role"), "editor");
  EXPECT_EQ(roleAt(space(), editor.id), "editor");
  EXPECT_EQ(str(accept(guest, link(space(), "creator")).json(), "role"), "creator");
  EXPECT_EQ(invitations(space()).back().at("useCount").as_int64(), 3);

  const std::string invitationId = str(listed[0], "id");
  EXPECT_EQ(
      client.request("DELETE", space() + "/invitation/" + invitationId, "", owner.headers()).status,
      204);
  const BrowserUser late = signUp(client, "late@example.com");
  const HttpResult revoked = accept(late, code);
  EXPECT_EQ(revoked.status, 404);
  EXPECT_EQ(revoked.errorCode(), "invitation_not_found");
  EXPECT_EQ(roleAt(space(), late.id), "");
  EXPECT_EQ(
      client.request("DELETE", space() + "/invitation/" + invitationId, "", owner.headers()).status,
      404);
}

TEST_F(InvitationsTest, ABaseLinkGivesARoleOnThatBaseOnly) {
  const std::string code = link(base(), "creator");
  const BrowserUser guest = signUp(client, "guest@example.com");
  const HttpResult joined = accept(guest, code);
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_EQ(str(joined.json(), "kind"), "base");
  EXPECT_EQ(str(joined.json(), "spaceId"), spaceId);
  EXPECT_EQ(roleAt(base(), guest.id), "creator");
  EXPECT_EQ(roleAt(space(), guest.id), "");
  EXPECT_EQ(client.json("GET", base(), nullptr, guest.headers()).status, 200);
}

TEST_F(InvitationsTest, BadExpiredAndForeignCodesAreRefusedClearly) {
  const BrowserUser guest = signUp(client, "guest@example.com");
  for (const std::string& bad :
       {std::string(), std::string("tsr_inv_short"), "tsr_pat_" + std::string(40, 'a'),
        "tsr_inv_" + std::string(40, 'a')}) {
    const HttpResult result = accept(guest, bad);
    EXPECT_TRUE(result.status == 404 || result.status == 400) << bad << " " << result.body;
    EXPECT_NE(result.body.find(bad.empty() ? "code" : "not valid"), std::string::npos)
        << result.body;
  }
  const HttpResult shortLived =
      client.json("POST", space() + "/invite-link",
                  {{"role", "viewer"}, {"expiresAt", inSeconds(2)}}, owner.headers());
  // Whole seconds: it expires 1 to 2 s from now, so a slow request still
  // creates it in the future.
  ASSERT_EQ(shortLived.status, 201) << shortLived.body;
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  const HttpResult expired = accept(guest, str(shortLived.json(), "code"));
  EXPECT_EQ(expired.status, 410);
  EXPECT_EQ(expired.errorCode(), "invitation_expired");
  EXPECT_TRUE(invitations(space()).at(0).at("expired").as_bool());
  EXPECT_EQ(roleAt(space(), guest.id), "");
}

TEST_F(InvitationsTest, OnlyABrowserSessionJoinsAndDeletingTheSpaceEndsItsInvitations) {
  const std::string code = link(space(), "viewer");
  const BrowserUser guest = signUp(client, "guest@example.com");
  const HttpResult token =
      client.json("POST", "/api/access-token",
                  {{"name", "t"}, {"scopes", {"full_access"}}, {"expiresAt", inSeconds(86400)}},
                  guest.headers());
  const HttpResult byToken =
      client.json("POST", "/api/invitation/accept", {{"code", code}},
                  {{"Authorization", "Bearer " + str(token.json(), "token")}});
  EXPECT_EQ(byToken.status, 403);
  EXPECT_EQ(roleAt(space(), guest.id), "");

  EXPECT_EQ(client.request("DELETE", space(), "", owner.headers()).status, 204);
  EXPECT_EQ(accept(guest, code).errorCode(), "invitation_not_found");
}

TEST(ClosedSignupInvitationsTest, OnlyInvitedPeopleSignUpWhenSignUpIsClosed) {
  TestServer server({"--disable-signup"});
  HttpClient client(server.port());
  const BrowserUser owner = signUp(client, "owner@example.com");
  const std::string spaceId =
      str(client.json("POST", "/api/space", {{"name", "Team"}}, owner.headers()).json(), "id");
  const auto signUpAs = [&](const std::string& email, const std::string& code) {
    boost::json::object body{{"email", email}, {"name", "N"}, {"password", kPassword}};
    if (!code.empty()) body["invitation"] = code;
    return client.json("POST", "/api/auth/signup", body);
  };
  EXPECT_EQ(signUpAs("stranger@example.com", "").errorCode(), "signup_disabled");

  client.json("POST", "/api/space/" + spaceId + "/invitation",
              {{"email", "invited@example.com"}, {"role", "commenter"}}, owner.headers());
  const HttpResult invited = signUpAs("invited@example.com", "");
  ASSERT_EQ(invited.status, 201) << invited.body;
  EXPECT_EQ(client.json("GET", "/api/space/" + spaceId, nullptr, browserUserFrom(invited).headers())
                .status,
            200);

  const std::string code = str(client
                                   .json("POST", "/api/space/" + spaceId + "/invite-link",
                                         {{"role", "editor"}}, owner.headers())
                                   .json(),
                               "code");
  const HttpResult badCode = signUpAs("linked@example.com", "tsr_inv_" + std::string(40, 'x'));
  EXPECT_EQ(badCode.status, 404);
  EXPECT_EQ(badCode.errorCode(), "invitation_not_found");
  const HttpResult linked = signUpAs("linked@example.com", code);
  ASSERT_EQ(linked.status, 201) << linked.body << " (the refused attempt created nothing)";
  const auto people =
      client.json("GET", "/api/space/" + spaceId + "/collaborator", nullptr, owner.headers())
          .json();
  bool found = false;
  for (const auto& person : people.at("collaborators").as_array()) {
    if (str(person, "email") == "linked@example.com") found = str(person, "role") == "editor";
  }
  EXPECT_TRUE(found) << people;
}

}  // namespace
}  // namespace tessera::testing
