// "Forgot password" over HTTP with a real mail server (aiosmtpd): the link
// arrives by e-mail, works once and for 30 minutes, sets the password and
// ends every browser session; an unknown address gets the same answer and
// no mail; requests are limited; a server without a mail server says so.
#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "support/http_client.h"
#include "support/mail_sink.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

constexpr const char* kOldPassword = "correct horse battery";
constexpr const char* kNewPassword = "a brand new passphrase";

std::string secretIn(const std::string& message) {
  std::smatch match;
  const std::regex link("/reset-password#(tsr_pwr_[0-9A-Za-z]{40})\\r?\\n");
  return std::regex_search(message, match, link) ? match[1].str() : "";
}

class PasswordResetTest : public ::testing::Test {
 protected:
  HttpResult requestLink(const std::string& email) {
    return client.json("POST", "/api/auth/password-reset", {{"email", email}});
  }
  HttpResult confirm(const std::string& secret, const std::string& password) {
    return client.json("POST", "/api/auth/password-reset/confirm",
                       {{"secret", secret}, {"newPassword", password}});
  }
  HttpResult signIn(const std::string& password) {
    return client.json("POST", "/api/auth/signin",
                       {{"email", "ada@example.com"}, {"password", password}});
  }

  MailSink mail;
  TestServer server{{"--smtp-url", mail.url(), "--smtp-from", "Tessera <tessera@example.com>",
                     "--public-url", "https://tables.example.com/"}};
  HttpClient client{server.port()};
};

TEST_F(PasswordResetTest, TheMailedLinkSetsANewPasswordOnceAndEndsEverySession) {
  const BrowserUser ada = signUp(client, "ada@example.com", "Ada");
  EXPECT_TRUE(client.request("GET", "/api/auth/setup").json().at("passwordResetByEmail").as_bool());
  const HttpResult asked = requestLink("Ada@Example.com");
  ASSERT_EQ(asked.status, 202) << asked.body;
  const auto messages = mail.waitForMessages(1);
  ASSERT_EQ(messages.size(), 1u);
  const std::string& message = messages[0];
  EXPECT_NE(message.find("To: ada@example.com"), std::string::npos) << message;
  EXPECT_NE(message.find("Subject: Reset your Tessera password"), std::string::npos);
  EXPECT_NE(message.find("https://tables.example.com/reset-password#tsr_pwr_"), std::string::npos)
      << "the link points at the public URL, the secret in its fragment";
  const std::string secret = secretIn(message);
  ASSERT_FALSE(secret.empty()) << message;
  EXPECT_EQ(server.logText().find(secret), std::string::npos) << "the secret is never logged";

  EXPECT_EQ(confirm(secret, "short").errorCode(), "invalid_field");
  const HttpResult reset = confirm(secret, kNewPassword);
  ASSERT_EQ(reset.status, 204) << reset.body;
  EXPECT_EQ(client.json("GET", "/api/auth/user", nullptr, ada.headers()).status, 401)
      << "every browser session of the account ends";
  EXPECT_EQ(signIn(kOldPassword).status, 401);
  EXPECT_EQ(signIn(kNewPassword).status, 200);
  const HttpResult again = confirm(secret, "yet another passphrase");
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(again.errorCode(), "invalid_reset_link");
  EXPECT_EQ(signIn(kNewPassword).status, 200);
}

TEST_F(PasswordResetTest, AnUnknownAddressGetsTheSameAnswerAndNoMail) {
  signUp(client, "ada@example.com", "Ada");
  const HttpResult unknown = requestLink("nobody@example.com");
  const HttpResult known = requestLink("ada@example.com");
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(unknown.body, known.body);
  const auto messages = mail.waitForMessages(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ASSERT_EQ(mail.messages().size(), 1u);
  EXPECT_NE(messages[0].find("To: ada@example.com"), std::string::npos);
}

TEST_F(PasswordResetTest, BadSecretsAndTooManyRequestsAreRefusedClearly) {
  signUp(client, "ada@example.com", "Ada");
  for (const std::string& bad : {std::string("tsr_pwr_short"), "tsr_pwr_" + std::string(40, 'a'),
                                 "tsr_inv_" + std::string(40, 'a')}) {
    const HttpResult result = confirm(bad, kNewPassword);
    EXPECT_EQ(result.status, 400) << bad;
    EXPECT_EQ(result.errorCode(), "invalid_reset_link") << bad;
  }
  EXPECT_EQ(requestLink("not an address").errorCode(), "invalid_field");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(requestLink("ada@example.com").status, 202);
  const HttpResult limited = requestLink("ADA@example.com");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.errorCode(), "too_many_attempts");
  EXPECT_NE(limited.body.find("minutes"), std::string::npos) << limited.body;
  EXPECT_EQ(mail.waitForMessages(3).size(), 3u);
  EXPECT_EQ(signIn(kOldPassword).status, 200) << "asking for links changes nothing";
}

TEST(PasswordResetWithoutMailTest, TheServerSaysItSendsNoMail) {
  TestServer server;
  HttpClient client(server.port());
  signUp(client, "ada@example.com", "Ada");
  EXPECT_FALSE(
      client.request("GET", "/api/auth/setup").json().at("passwordResetByEmail").as_bool());
  const HttpResult asked =
      client.json("POST", "/api/auth/password-reset", {{"email", "ada@example.com"}});
  EXPECT_EQ(asked.status, 409);
  EXPECT_EQ(asked.errorCode(), "mail_not_configured");
  EXPECT_NE(asked.body.find("tessera user reset-password"), std::string::npos);
}

TEST(SmtpSettingsTest, CredentialsInTheUrlAndAMissingSenderAreRefusedAtStartUp) {
  std::string output;
  EXPECT_EQ(runTessera({"serve", "--listen", "127.0.0.1:0", "--smtp-url",
                        "smtp://user:secret@127.0.0.1:25", "--smtp-from", "t@example.com"},
                       "", output),
            1);
  EXPECT_NE(output.find("TESSERA_SMTP_PASSWORD"), std::string::npos) << output;
  EXPECT_EQ(output.find("secret"), std::string::npos) << output;
  EXPECT_EQ(runTessera({"serve", "--listen", "127.0.0.1:0", "--smtp-url", "smtp://127.0.0.1:25"},
                       "", output),
            1);
  EXPECT_NE(output.find("--smtp-from"), std::string::npos) << output;
  EXPECT_EQ(runTessera({"serve", "--listen", "127.0.0.1:0", "--smtp-url", "http://127.0.0.1:25",
                        "--smtp-from", "t@example.com"},
                       "", output),
            1);
}

}  // namespace
}  // namespace tessera::testing
