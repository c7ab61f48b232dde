#include "support/oauth_flow.h"

#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "support/workspace.h"

namespace tessera::testing {

std::string registerApp(const HttpClient& client, const std::string& name) {
  const HttpResult registered = client.json(
      "POST", "/oauth/register", {{"client_name", name}, {"redirect_uris", {kAppRedirect}}});
  EXPECT_EQ(registered.status, 201) << registered.body;
  return registered.status == 201 ? std::string(registered.json().at("client_id").as_string()) : "";
}

std::string approveApp(const HttpClient& client, const BrowserUser& user,
                       const std::string& clientId, const boost::json::array& scopes,
                       const boost::json::object& choices) {
  boost::json::object body{
      {"clientId", clientId}, {"redirectUri", kAppRedirect}, {"codeChallenge", kPkceChallenge},
      {"scopes", scopes},     {"resources", {"mcp", "api"}}, {"lifetimeDays", 7}};
  for (const auto& choice : choices) body[choice.key()] = choice.value();
  const HttpResult approved = client.json("POST", "/api/oauth/authorize", body, user.headers());
  EXPECT_EQ(approved.status, 200) << approved.body;
  if (approved.status != 200) return "";
  return queryParam(std::string(approved.json().at("redirectTo").as_string()), "code");
}

std::string connectApp(const HttpClient& client, const BrowserUser& user,
                       const std::string& clientId, const boost::json::array& scopes,
                       const boost::json::object& choices) {
  const HttpResult issued =
      exchangeCode(client, clientId, approveApp(client, user, clientId, scopes, choices));
  EXPECT_EQ(issued.status, 200) << issued.body;
  return issued.status == 200 ? std::string(issued.json().at("access_token").as_string()) : "";
}

HttpResult exchangeCode(const HttpClient& client, const std::string& clientId,
                        const std::string& code, const std::string& verifier) {
  return client.request(
      "POST", "/oauth/token",
      "grant_type=authorization_code&code=" + code + "&client_id=" + urlEncode(clientId) +
          "&redirect_uri=" + urlEncode(kAppRedirect) + "&code_verifier=" + verifier,
      {{"Content-Type", "application/x-www-form-urlencoded"}});
}

std::string queryParam(const std::string& url, const std::string& name) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return "";
  for (const auto& param : parsed->params()) {
    if (param.key == name) return param.value;
  }
  return "";
}

}  // namespace tessera::testing
