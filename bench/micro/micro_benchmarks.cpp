// Google Benchmark micro-benchmarks of the hot path, in-process on a real
// SQLite file: token parse and verify (a personal access token and an
// OAuth access token side by side), one policy decision, JSON encoding of
// 100 records, and whole requests through the pipeline without sockets
// (one record with either token, 100 records, a refused malformed token).
// Run by `make bench` after the wrk table.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include "access/policy.h"
#include "auth/digest.h"
#include "auth/token_format.h"
#include "auth/token_verifier.h"
#include "features/query/record_query.h"
#include "features/records/record_json.h"
#include "features/schema/schema_store.h"
#include "support/in_process_app.h"

namespace {

using namespace tessera;

// One application on a fresh SQLite file with a table of 100 records and
// a read/write token, built once for every benchmark.
struct World {
  // As bench/run.sh runs the server: refusals are measured, not rate-limited.
  testing::InProcessApp app{"tessera-micro-bench",
                            [](app::Config& config) { config.badTokensPerMinute = 1'000'000; }};
  std::string tableId, recordId, token, oauthToken;

  World() {
    tableId = app.createTable(
        R"([{"name":"Name","type":"singleLineText"},{"name":"Qty","type":"number"},)"
        R"({"name":"Done","type":"checkbox"},{"name":"Due","type":"date"},)"
        R"({"name":"Notes","type":"longText"}])");
    std::string records = R"({"records":[)";
    for (int i = 0; i < 100; ++i) {
      records += std::string(i ? "," : "") + R"({"fields":{"Name":"item )" + std::to_string(i) +
                 R"(","Qty":)" + std::to_string(i) +
                 R"(,"Done":true,"Due":"2026-11-27","Notes":"benchmark record"}})";
    }
    const auto created = app.send("POST", "/api/table/" + tableId + "/record", records + "]}");
    recordId = std::string(created.at("records").at(0).at("id").as_string());
    token = app.createToken(R"(["read","write"])");
    oauthToken = app.createOAuthToken(R"(["read","write"])");
  }

  http::Response request(const std::string& method, const std::string& target,
                         const std::string& bearer) {
    return app.request(method, target, "", {{"Authorization", "Bearer " + bearer}});
  }
};

World& world() {
  spdlog::set_level(spdlog::level::warn);
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

// Which token a benchmark verifies: the personal access token or the
// OAuth access token of the World.
using WorldToken = std::string World::*;

void BM_TokenVerifyFromDatabase(benchmark::State& state, WorldToken which) {
  // A verifier of its own per round, so its cache is always empty.
  World& w = world();
  const std::string& token = w.*which;
  auth::LastUsedTracker lastUsed(w.app.application().database());
  audit::AuditLog audit(w.app.application().database());
  http::Request request;
  request.clientIp = "127.0.0.1";
  for (auto _ : state) {
    const auth::TokenVerifier verifier(w.app.application().database(), lastUsed, audit);
    benchmark::DoNotOptimize(verifier.verify(token, request));
  }
}
BENCHMARK_CAPTURE(BM_TokenVerifyFromDatabase, pat, &World::token);
BENCHMARK_CAPTURE(BM_TokenVerifyFromDatabase, oauth, &World::oauthToken);

void BM_TokenVerifyCached(benchmark::State& state, WorldToken which) {
  World& w = world();
  const std::string& token = w.*which;
  auth::LastUsedTracker lastUsed(w.app.application().database());
  audit::AuditLog audit(w.app.application().database());
  const auth::TokenVerifier verifier(w.app.application().database(), lastUsed, audit);
  http::Request request;
  request.clientIp = "127.0.0.1";
  for (auto _ : state) benchmark::DoNotOptimize(verifier.verify(token, request));
}
BENCHMARK_CAPTURE(BM_TokenVerifyCached, pat, &World::token);
BENCHMARK_CAPTURE(BM_TokenVerifyCached, oauth, &World::oauthToken);

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
  // What a list response costs after the query: 100 rows to JSON text.
  World& w = world();
  store::Database& database = w.app.application().database();
  const auto schema = database.read(
      [&](store::Session& session) { return features::requireTableSchema(session, w.tableId); });
  const store::Rows rows = database.read([&](store::Session& session) {
    return session.query(features::selectRecords(schema) + " LIMIT 100");
  });
  std::size_t bytes = 0;
  for (auto _ : state) {
    const JsonText text = features::recordsJson(schema, rows, {});
    bytes += text.text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_EncodeRecords100);

void BM_RequestGetOneRecord(benchmark::State& state, WorldToken which) {
  // The whole request path without sockets: authenticate, authorize, read,
  // encode, log.
  World& w = world();
  const std::string target = "/api/table/" + w.tableId + "/record/" + w.recordId;
  for (auto _ : state) {
    benchmark::DoNotOptimize(w.request("GET", target, w.*which));
  }
}
BENCHMARK_CAPTURE(BM_RequestGetOneRecord, pat, &World::token);
BENCHMARK_CAPTURE(BM_RequestGetOneRecord, oauth, &World::oauthToken);

void BM_RequestList100Records(benchmark::State& state) {
  World& w = world();
  const std::string target = "/api/table/" + w.tableId + "/record?take=100";
  for (auto _ : state) {
    benchmark::DoNotOptimize(w.request("GET", target, w.token));
  }
}
BENCHMARK(BM_RequestList100Records);

void BM_RequestMalformedToken(benchmark::State& state) {
  // Case (e) without sockets: a token that is not one, refused before the
  // database is asked.
  World& w = world();
  const std::string target = "/api/table/" + w.tableId + "/record/" + w.recordId;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        w.app.request("GET", target, "", {{"Authorization", "Bearer tsr_pat_not_a_token"}}));
  }
}
BENCHMARK(BM_RequestMalformedToken);

}  // namespace

BENCHMARK_MAIN();
