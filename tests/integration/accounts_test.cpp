// Sign-up, sign-in, sign-out, the session cookie, CSRF, sign-in limits and
// the setup a sign-in page reads, against the real server over HTTP.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <thread>

#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

constexpr const char* kPassword = "correct horse battery";

HttpResult signIn(const HttpClient& client, const std::string& email, const std::string& password) {
  return client.json("POST", "/api/auth/signin", {{"email", email}, {"password", password}});
}

class AccountsTest : public ::testing::Test {
 protected:
  TestServer server;
  HttpClient client{server.port()};
};

TEST_F(AccountsTest, SignUpSetsAHardenedSessionCookieAndTheFirstUserIsAdmin) {
  const HttpResult result =
      client.json("POST", "/api/auth/signup",
                  {{"email", " Ada@Example.com "}, {"name", "Ada"}, {"password", kPassword}});
  ASSERT_EQ(result.status, 201) << result.body;
  const auto body = result.json();
  EXPECT_EQ(body.at("user").at("email").as_string(), "Ada@Example.com");
  EXPECT_TRUE(body.at("user").at("isAdmin").as_bool());
  EXPECT_EQ(std::string(body.at("user").at("id").as_string()).rfind("usr", 0), 0u);
  EXPECT_FALSE(body.at("user").as_object().contains("passwordHash"));

  bool sawSession = false, sawCsrf = false;
  auto [begin, end] = result.headers.equal_range("set-cookie");
  for (auto it = begin; it != end; ++it) {
    const std::string& cookie = it->second;
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain http must not set Secure";
    if (cookie.rfind("tessera_session=", 0) == 0) {
      sawSession = true;
      EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
      EXPECT_GE(cookie.find(';') - std::string("tessera_session=").size(), 43u);
    }
    if (cookie.rfind("tessera_csrf=", 0) == 0) {
      sawCsrf = true;
      EXPECT_EQ(cookie.find("HttpOnly"), std::string::npos) << "the app must read it";
    }
  }
  EXPECT_TRUE(sawSession);
  EXPECT_TRUE(sawCsrf);

  const BrowserUser second = signUp(client, "bob@example.com");
  const HttpResult me = client.request("GET", "/api/auth/user", "", second.headers());
  ASSERT_EQ(me.status, 200);
  EXPECT_FALSE(me.json().at("isAdmin").as_bool());
}

TEST_F(AccountsTest, SignUpRefusesBadInputAndDuplicateEmails) {
  signUp(client, "ada@example.com");
  const HttpResult duplicate =
      client.json("POST", "/api/auth/signup",
                  {{"email", "ADA@example.com"}, {"name", "Ada 2"}, {"password", kPassword}});
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.errorCode(), "email_taken");

  const struct {
    boost::json::value body;
    std::string code;
    std::string field;
  } cases[] = {
      {{{"email", "not-an-email"}, {"name", "A"}, {"password", kPassword}},
       "invalid_field",
       "email"},
      {{{"email", "a@b.co"}, {"name", "A"}, {"password", "short"}}, "invalid_field", "password"},
      {{{"email", "a@b.co"}, {"name", "   "}, {"password", kPassword}}, "invalid_field", "name"},
      {{{"email", "a@b.co"}, {"password", kPassword}}, "missing_field", "name"},
      {{{"email", "a@b.co"}, {"name", "A"}, {"password", 12345678}}, "invalid_field", "password"},
      {{{"email", "a@b.co"}, {"name", "A"}, {"password", kPassword}, {"admin", true}},
       "unknown_field",
       "admin"},
  };
  for (const auto& c : cases) {
    const HttpResult result = client.json("POST", "/api/auth/signup", c.body);
    EXPECT_EQ(result.status, 400) << result.body;
    EXPECT_EQ(result.errorCode(), c.code) << result.body;
    EXPECT_NE(result.json().at("message").as_string().find(c.field), std::string::npos)
        << result.body;
  }
}

TEST_F(AccountsTest, SignInWorksAndWrongEmailOrPasswordGetTheSameAnswer) {
  signUp(client, "ada@example.com");
  const HttpResult ok = signIn(client, "ADA@example.com", kPassword);
  ASSERT_EQ(ok.status, 200) << ok.body;
  const BrowserUser user = browserUserFrom(ok);
  EXPECT_EQ(client.request("GET", "/api/auth/user", "", user.headers()).status, 200);

  const HttpResult wrongPassword = signIn(client, "ada@example.com", "not the password");
  const HttpResult unknownEmail = signIn(client, "nobody@example.com", kPassword);
  EXPECT_EQ(wrongPassword.status, 401);
  EXPECT_EQ(unknownEmail.status, 401);
  EXPECT_EQ(wrongPassword.errorCode(), "invalid_credentials");
  EXPECT_EQ(wrongPassword.json().at("message"), unknownEmail.json().at("message"));
}

TEST_F(AccountsTest, SignOutNeedsCsrfAndEndsTheSession) {
  const BrowserUser user = signUp(client, "ada@example.com");
  const HttpResult noCsrf =
      client.request("POST", "/api/auth/signout", "", {{"Cookie", user.cookieHeader}});
  EXPECT_EQ(noCsrf.status, 403);
  EXPECT_EQ(noCsrf.errorCode(), "csrf_failed");
  const HttpResult wrongCsrf = client.request(
      "POST", "/api/auth/signout", "", {{"Cookie", user.cookieHeader}, {"X-CSRF-Token", "x"}});
  EXPECT_EQ(wrongCsrf.status, 403);

  ASSERT_EQ(client.request("POST", "/api/auth/signout", "", user.headers()).status, 204);
  const HttpResult after = client.request("GET", "/api/auth/user", "", user.headers());
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.errorCode(), "session_expired");
}

TEST_F(AccountsTest, ACsrfTokenOfAnotherSessionIsRefused) {
  const BrowserUser ada = signUp(client, "ada@example.com");
  const BrowserUser bob = signUp(client, "bob@example.com");
  // Bob's CSRF token and cookie, planted next to Ada's session cookie.
  const std::string adaSession = ada.cookieHeader.substr(0, ada.cookieHeader.find(';'));
  const HttpResult forged = client.json("POST", "/api/space", {{"name", "x"}},
                                        {{"Cookie", adaSession + "; tessera_csrf=" + bob.csrfToken},
                                         {"X-CSRF-Token", bob.csrfToken}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(forged.errorCode(), "csrf_failed");
}

TEST_F(AccountsTest, NoCredentialsIs401WithTheErrorShape) {
  const HttpResult result = client.request("GET", "/api/auth/user");
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(result.errorCode(), "unauthenticated");
  EXPECT_EQ(result.json().at("status").as_int64(), 401);
  EXPECT_FALSE(result.header("www-authenticate").empty());
  const HttpResult forged =
      client.request("GET", "/api/auth/user", "", {{"Cookie", "tessera_session=forged"}});
  EXPECT_EQ(forged.status, 401);
}

TEST_F(AccountsTest, PasswordsAndCookiesNeverReachTheLog) {
  const BrowserUser user = signUp(client, "ada@example.com");
  signIn(client, "ada@example.com", "wrong password 123");
  client.request("GET", "/api/auth/user", "", user.headers());
  const std::string log = server.logText();
  EXPECT_NE(log.find("path=/api/auth/user"), std::string::npos);
  EXPECT_NE(log.find("user_id=" + user.id), std::string::npos);
  EXPECT_EQ(log.find(kPassword), std::string::npos);
  EXPECT_EQ(log.find("wrong password 123"), std::string::npos);
  EXPECT_EQ(log.find(user.csrfToken), std::string::npos);
  const std::string session = user.cookieHeader.substr(16, user.cookieHeader.find(';') - 16);
  EXPECT_EQ(log.find(session), std::string::npos);
}

class SignInLimitsTest : public ::testing::Test {
 protected:
  TestServer server{{"--signin-failures-per-account", "3", "--signin-failures-per-ip", "5"}};
  HttpClient client{server.port()};
};

TEST_F(SignInLimitsTest, AnAccountIsLockedAfterRepeatedFailuresWithRetryAfter) {
  signUp(client, "ada@example.com");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(signIn(client, "ada@example.com", "wrong-pass").status, 401);
  const HttpResult locked = signIn(client, "ada@example.com", kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.errorCode(), "too_many_attempts");
  EXPECT_GE(std::stoi(locked.header("retry-after")), 60);
  EXPECT_NE(locked.json().at("message").as_string().find("Try again in 15 minutes."),
            std::string::npos)
      << "the wait in minutes a person reads, not 900 seconds: " << locked.body;
}

TEST_F(SignInLimitsTest, AttemptsSentTogetherGetNoMoreThanTheAllowance) {
  signUp(client, "ada@example.com");
  // Twelve wrong passwords at once: each is counted before its hash, so
  // only three are checked (counted after the hash, one more per server
  // thread got through).
  std::vector<int> statuses(12);
  std::vector<std::thread> senders;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    senders.emplace_back(
        [&, i] { statuses[i] = signIn(client, "ada@example.com", "wrong-pass").status; });
  }
  for (std::thread& sender : senders) sender.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 3);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 9);
}

TEST_F(SignInLimitsTest, SuccessfulSignInsDoNotCountAgainstTheAddress) {
  signUp(client, "ada@example.com");
  for (int i = 0; i < 8; ++i) EXPECT_EQ(signIn(client, "ada@example.com", kPassword).status, 200);
  EXPECT_EQ(signIn(client, "bob@example.com", "wrong-pass").status, 401);
}

TEST_F(SignInLimitsTest, OneIpIsLimitedAcrossAccounts) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(signIn(client, "user" + std::to_string(i) + "@example.com", "wrong-pass").status,
              401);
  }
  EXPECT_EQ(signIn(client, "someone.else@example.com", "wrong-pass").status, 429);
}

TEST(SignupPolicyTest, ClosedSignupStillLetsTheFirstUserIn) {
  TestServer server({"--disable-signup"});
  HttpClient client(server.port());
  const auto setup = [&] { return client.request("GET", "/api/auth/setup").json(); };
  EXPECT_EQ(setup(),
            boost::json::parse(R"({"fresh":true,"signupOpen":true,"passwordResetByEmail":false})"))
      << "a fresh server opens on sign-up for its first user";
  signUp(client, "first@example.com");
  EXPECT_EQ(setup(), boost::json::parse(
                         R"({"fresh":false,"signupOpen":false,"passwordResetByEmail":false})"));
  const HttpResult second =
      client.json("POST", "/api/auth/signup",
                  {{"email", "second@example.com"}, {"name", "S"}, {"password", kPassword}});
  EXPECT_EQ(second.status, 403);
  EXPECT_EQ(second.errorCode(), "signup_disabled");
}

// Whether every cookie a sign-up sets is marked Secure.
bool cookiesSecure(const HttpResult& result) {
  auto [begin, end] = result.headers.equal_range("set-cookie");
  EXPECT_NE(begin, end);
  bool secure = begin != end;
  for (auto it = begin; it != end; ++it) secure &= it->second.find("; Secure") != std::string::npos;
  return secure;
}

TEST(SessionCookieTest, HttpsFromATrustedProxyMakesCookiesSecure) {
  for (const bool trusted : {true, false}) {
    SCOPED_TRACE(trusted ? "trusted proxy" : "untrusted peer");
    TestServer server(trusted ? std::vector<std::string>{"--trusted-proxies", "127.0.0.1"}
                              : std::vector<std::string>{});
    HttpClient client(server.port());
    const auto signUpWith = [&](const std::string& email, const Headers& headers) {
      return client.json("POST", "/api/auth/signup",
                         {{"email", email}, {"name", "A"}, {"password", kPassword}}, headers);
    };
    EXPECT_EQ(cookiesSecure(signUpWith("a@example.com", {{"X-Forwarded-Proto", "https"}})),
              trusted);
    EXPECT_FALSE(cookiesSecure(signUpWith("b@example.com", {{"X-Forwarded-Proto", "http"}})));
    EXPECT_FALSE(cookiesSecure(signUpWith("c@example.com", {})));
  }
}

TEST(SessionCookieTest, HttpsPublicUrlMakesCookiesSecure) {
  TestServer server({"--public-url", "https://tessera.example.com"});
  HttpClient client(server.port());
  const HttpResult result =
      client.json("POST", "/api/auth/signup",
                  {{"email", "a@example.com"}, {"name", "A"}, {"password", kPassword}});
  auto [begin, end] = result.headers.equal_range("set-cookie");
  ASSERT_NE(begin, end);
  for (auto it = begin; it != end; ++it) {
    EXPECT_NE(it->second.find("; Secure"), std::string::npos);
  }
}

TEST_F(AccountsTest, APasswordChangeNeedsTheCurrentOneAndEndsTheOtherSessions) {
  const BrowserUser here = signUp(client, "ada@example.com");
  const BrowserUser elsewhere = browserUserFrom(signIn(client, "ada@example.com", kPassword));
  const auto change = [&](const std::string& current, const std::string& next) {
    return client.json("POST", "/api/auth/password",
                       {{"currentPassword", current}, {"newPassword", next}}, here.headers());
  };
  EXPECT_EQ(change("wrong-password", "a brand new passphrase").errorCode(), "wrong_password");
  EXPECT_EQ(change(kPassword, "short").errorCode(), "invalid_field");
  ASSERT_EQ(change(kPassword, "a brand new passphrase").status, 204);

  EXPECT_EQ(client.request("GET", "/api/auth/user", "", here.headers()).status, 200)
      << "the session that changed it stays";
  EXPECT_EQ(client.request("GET", "/api/auth/user", "", elsewhere.headers()).status, 401)
      << "every other session ends";
  EXPECT_EQ(signIn(client, "ada@example.com", kPassword).status, 401);
  EXPECT_EQ(signIn(client, "ada@example.com", "a brand new passphrase").status, 200);
}

TEST_F(AccountsTest, NameAndEmailChangeAndANewEmailNeedsThePassword) {
  const BrowserUser ada = signUp(client, "ada@example.com");
  signUp(client, "taken@example.com");
  const auto patchUser = [&](const boost::json::value& body) {
    return client.json("PATCH", "/api/auth/user", body, ada.headers());
  };
  const HttpResult renamed = patchUser({{"name", "  Ada Lovelace "}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json().at("name").as_string(), "Ada Lovelace");
  EXPECT_EQ(patchUser({{"email", "ada@new.example.com"}}).errorCode(), "missing_field");
  EXPECT_EQ(
      patchUser({{"email", "ada@new.example.com"}, {"currentPassword", "nope-nope"}}).errorCode(),
      "wrong_password");
  EXPECT_EQ(patchUser({{"email", "Taken@example.com"}, {"currentPassword", kPassword}}).status,
            409);
  EXPECT_EQ(patchUser({{"email", "not an email"}, {"currentPassword", kPassword}}).errorCode(),
            "invalid_field");
  const HttpResult moved =
      patchUser({{"email", "ada@new.example.com"}, {"currentPassword", kPassword}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(signIn(client, "ada@new.example.com", kPassword).status, 200);
  EXPECT_EQ(signIn(client, "ada@example.com", kPassword).status, 401);
}

}  // namespace
}  // namespace tessera::testing
