#include "support/in_process_app.h"

#include <boost/json/parse.hpp>
#include <stdexcept>

#include "common/clock.h"

namespace tessera::testing {

InProcessApp::InProcessApp(const std::string& name,
                           const std::function<void(app::Config&)>& configure)
    : dir_(std::filesystem::temp_directory_path() / name) {
  std::filesystem::remove_all(dir_);
  app::Config config;
  config.dataDir = dir_.string();
  if (configure) configure(config);
  application_ = std::make_unique<app::Application>(config);
  const auto signup =
      send("POST", "/api/auth/signup",
           R"({"email":"owner@example.com","name":"Owner","password":"correct horse battery"})");
  csrf_ = std::string(signup.at("csrfToken").as_string());
  const auto space = send("POST", "/api/space", R"({"name":"Space"})");
  const auto base =
      send("POST", "/api/base",
           R"({"name":"Base","spaceId":")" + std::string(space.at("id").as_string()) + "\"}");
  baseId_ = std::string(base.at("id").as_string());
}

InProcessApp::~InProcessApp() {
  application_.reset();
  std::filesystem::remove_all(dir_);
}

http::Response InProcessApp::request(const std::string& method, const std::string& target,
                                     const std::string& body, http::HeaderList headers) {
  http::Request request;
  request.method = method;
  const auto question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  request.body = body;
  request.headers = std::move(headers);
  request.clientIp = "127.0.0.1";
  return application_->handler().handle(request);
}

boost::json::value InProcessApp::send(const std::string& method, const std::string& target,
                                      const std::string& body) {
  http::HeaderList headers = {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf_}};
  if (!cookie_.empty()) headers.emplace_back("Cookie", cookie_);
  const http::Response response = request(method, target, body, headers);
  if (response.status >= 300) throw std::runtime_error(target + ": " + response.body);
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie") {
      cookie_ += (cookie_.empty() ? "" : "; ") + value.substr(0, value.find(';'));
    }
  }
  return boost::json::parse(response.body);
}

std::string InProcessApp::createTable(const std::string& fieldsJson) {
  const auto table = send("POST", "/api/base/" + baseId_ + "/table",
                          R"({"name":"Table","fields":)" + fieldsJson + "}");
  return std::string(table.at("id").as_string());
}

std::string InProcessApp::createToken(const std::string& scopesJson) {
  constexpr UnixMillis kThirtyDays = 30LL * 24 * 60 * 60 * 1000;
  const auto token = send("POST", "/api/access-token",
                          R"({"name":"in-process","scopes":)" + scopesJson + R"(,"expiresAt":")" +
                              formatRfc3339(nowMillis() + kThirtyDays) + "\"}");
  return std::string(token.at("token").as_string());
}

std::string InProcessApp::createOAuthToken(const std::string& scopesJson) {
  // RFC 7636 Appendix B's verifier and its challenge.
  constexpr const char* kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  constexpr const char* kRedirect = "http://127.0.0.1:9/callback";
  const http::Response registered =
      request("POST", "/oauth/register",
              R"({"client_name":"in-process","redirect_uris":[")" + std::string(kRedirect) + "\"]}",
              {{"Content-Type", "application/json"}});
  const std::string clientId(
      boost::json::parse(registered.body).at("client_id").as_string().c_str());
  const auto consent =
      send("POST", "/api/oauth/authorize",
           R"({"clientId":")" + clientId + R"(","redirectUri":")" + kRedirect +
               R"(","codeChallenge":"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM","scopes":)" +
               scopesJson + R"(,"resources":["api"]})");
  const std::string redirectTo(consent.at("redirectTo").as_string());
  const std::string code = redirectTo.substr(redirectTo.find("code=") + 5);
  const http::Response issued =
      request("POST", "/oauth/token",
              "grant_type=authorization_code&code=" + code + "&client_id=" + clientId +
                  "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback&code_verifier=" + kVerifier,
              {{"Content-Type", "application/x-www-form-urlencoded"}});
  if (issued.status != 200) throw std::runtime_error("/oauth/token: " + issued.body);
  return std::string(boost::json::parse(issued.body).at("access_token").as_string());
}

}  // namespace tessera::testing
