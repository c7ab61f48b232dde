// An Application on a fresh SQLite file in a temporary folder, driven
// in-process through its request pipeline (no sockets): a signed-in user
// with a space and a base, for the micro-benchmarks and the fuzzers.
#pragma once

#include <boost/json/value.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "app/application.h"
#include "http/request.h"
#include "http/response.h"

namespace tessera::testing {

class InProcessApp {
 public:
  // `name` names the temporary folder; a folder left by an earlier run is
  // replaced. `configure` may change the configuration first.
  explicit InProcessApp(const std::string& name,
                        const std::function<void(app::Config&)>& configure = {});
  ~InProcessApp();
  InProcessApp(const InProcessApp&) = delete;
  InProcessApp& operator=(const InProcessApp&) = delete;

  // One request from 127.0.0.1, exactly as given.
  http::Response request(const std::string& method, const std::string& target,
                         const std::string& body, http::HeaderList headers);
  // A JSON request in the user's browser session; throws std::runtime_error
  // unless it succeeds.
  boost::json::value send(const std::string& method, const std::string& target,
                          const std::string& body);

  // A table of the base with `fieldsJson` (a JSON array of field
  // definitions); returns its id.
  std::string createTable(const std::string& fieldsJson);
  // A token of the user with `scopesJson` (a JSON array of scope names).
  std::string createToken(const std::string& scopesJson);
  // An OAuth access token for the REST API with `scopesJson`, from an app
  // registered, approved by the user and exchanging its code.
  std::string createOAuthToken(const std::string& scopesJson);

  app::Application& application() { return *application_; }
  const std::string& sessionCookie() const { return cookie_; }
  const std::string& csrfToken() const { return csrf_; }
  const std::string& baseId() const { return baseId_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<app::Application> application_;
  std::string cookie_, csrf_, baseId_;
};

}  // namespace tessera::testing
