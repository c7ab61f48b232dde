// Google Benchmark micro-benchmarks of the hot path, in-process on a real
// SQLite file: token parse and verify, one policy decision, JSON encoding
// of 100 records, and whole requests through the pipeline without sockets.
// Run by `make bench` after the wrk table.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <stdexcept>

#include "access/policy.h"
#include "app/application.h"
#include "auth/digest.h"
#include "auth/token_format.h"
#include "auth/token_verifier.h"

namespace {

using namespace tessera;

// One application on a fresh SQLite file with a user, a table of 100
// records and a read/write token, built once for every benchmark.
struct World {
  std::filesystem::path dir;
  std::unique_ptr<app::Application> application;
  std::string cookie, csrf, tableId, recordId, token;

  World() {
    spdlog::set_level(spdlog::level::warn);
    dir = std::filesystem::temp_directory_path() / "tessera-micro-bench";
    std::filesystem::remove_all(dir);
    app::Config config;
    config.dataDir = dir.string();
    application = std::make_unique<app::Application>(config);
    const auto signup =
        send("POST", "/api/auth/signup",
             R"({"email":"b@example.com","name":"B","password":"correct horse battery"})");
    csrf = std::string(signup.at("csrfToken").as_string());
    const auto space = send("POST", "/api/space", R"({"name":"S"})");
    const auto base =
        send("POST", "/api/base",
             R"({"name":"B","spaceId":")" + std::string(space.at("id").as_string()) + "\"}");
    const auto table = send(
        "POST", "/api/base/" + std::string(base.at("id").as_string()) + "/table",
        R"({"name":"T","fields":[{"name":"Name","type":"singleLineText"},{"name":"Qty","type":"number"},)"
        R"({"name":"Done","type":"checkbox"},{"name":"Due","type":"date"},)"
        R"({"name":"Notes","type":"longText"}]})");
    tableId = std::string(table.at("id").as_string());
    std::string records = R"({"records":[)";
    for (int i = 0; i < 100; ++i) {
      records += std::string(i ? "," : "") + R"({"fields":{"Name":"item )" + std::to_string(i) +
                 R"(","Qty":)" + std::to_string(i) +
                 R"(,"Done":true,"Due":"2026-11-27","Notes":"benchmark record"}})";
    }
    const auto created = send("POST", "/api/table/" + tableId + "/record", records + "]}");
    recordId = std::string(created.at("records").at(0).at("id").as_string());
    token =
        std::string(send("POST", "/api/access-token",
                         R"({"name":"bench","scopes":["read","write"],"expiresAt":"2027-06-01"})")
                        .at("token")
                        .as_string());
  }

  http::Response request(const std::string& method, const std::string& target,
                         const std::string& body, http::HeaderList headers) {
    http::Request request;
    request.method = method;
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = target.substr(question + 1);
    request.body = body;
    request.headers = std::move(headers);
    request.clientIp = "127.0.0.1";
    return application->handler().handle(request);
  }

  boost::json::value send(const std::string& method, const std::string& target,
                          const std::string& body) {
    http::HeaderList headers = {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}};
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    const http::Response response = request(method, target, body, headers);
    if (response.status >= 300) throw std::runtime_error(target + ": " + response.body);
    for (const auto& [name, value] : response.headers) {
      if (name == "Set-Cookie")
        cookie += (cookie.empty() ? "" : "; ") + value.substr(0, value.find(';'));
    }
    return boost::json::parse(response.body);
  }
};

World& world() {
  static World instance;
  return instance;
}

void BM_TokenParseAndCompare(benchmark::State& state) {
  // The in-memory part of a verification: format, checksum, digest and a
  // constant-time comparison. A cached verification would cost this.
  const std::string token = world().token;
  const auto parsed = auth::parseToken(token);
  const std::string stored = auth::sha256Hex(parsed->secret);
  for (auto _ : state) {
    const auto again = auth::parseToken(token);
    benchmark::DoNotOptimize(auth::constantTimeEquals(auth::sha256Hex(again->secret), stored));
  }
}
BENCHMARK(BM_TokenParseAndCompare);

void BM_TokenVerifyFromDatabase(benchmark::State& state) {
  World& w = world();
  auth::LastUsedTracker lastUsed(w.application->database());
  features::AuditLog audit(w.application->database());
  const auth::TokenVerifier verifier(w.application->database(), lastUsed, audit);
  http::Request request;
  request.clientIp = "127.0.0.1";
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(w.token, request));
}
BENCHMARK(BM_TokenVerifyFromDatabase);

void BM_PolicyDecision(benchmark::State& state) {
  access::TokenGrant grant;
  grant.id = "tok";
  grant.scopeNames = {"read", "write"};
  grant.scopes = access::ScopeSet::fromNames(grant.scopeNames);
  grant.baseIds = {"bse1"};
  const access::Principal principal{"usr1", false, grant};
  const access::ResourceRef resource{access::ResourceKind::Base, "bse1"};
  const access::ResourceAccess roles{access::Role::Editor, "spc1", "bse1"};
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        access::decide(principal, access::Action::RecordRead, resource, roles));
  }
}
BENCHMARK(BM_PolicyDecision);

void BM_EncodeRecords100(benchmark::State& state) {
  World& w = world();
  const auto body = w.request("GET", "/api/table/" + w.tableId + "/record?take=100", "",
                              {{"Authorization", "Bearer " + w.token}})
                        .body;
  const boost::json::value records = boost::json::parse(body);
  for (auto _ : state) benchmark::DoNotOptimize(boost::json::serialize(records));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_EncodeRecords100);

void BM_RequestGetOneRecord(benchmark::State& state) {
  // The whole request path without sockets: authenticate, authorize, read,
  // encode, log.
  World& w = world();
  const std::string target = "/api/table/" + w.tableId + "/record/" + w.recordId;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        w.request("GET", target, "", {{"Authorization", "Bearer " + w.token}}));
  }
}
BENCHMARK(BM_RequestGetOneRecord);

void BM_RequestList100Records(benchmark::State& state) {
  World& w = world();
  const std::string target = "/api/table/" + w.tableId + "/record?take=100";
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        w.request("GET", target, "", {{"Authorization", "Bearer " + w.token}}));
  }
}
BENCHMARK(BM_RequestList100Records);

}  // namespace

BENCHMARK_MAIN();
