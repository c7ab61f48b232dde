// Graceful shutdown: on SIGTERM the server says it is draining (/readyz
// 503) for the drain delay, then stops accepting, lets a request in flight
// finish, closes idle keep-alive connections, flushes its writes, and
// exits 0; nothing acknowledged is lost. And the start: listening before the
// database is ready, alive but not ready.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/asio.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <thread>

#include "support/files.h"
#include "support/held_lock.h"
#include "support/http_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

bool canConnect(std::uint16_t port) {
  asio::io_context io;
  tcp::socket socket(io);
  boost::system::error_code error;
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), error);
  return !error;
}

std::string readAll(tcp::socket& socket) {
  std::string received;
  char chunk[4096];
  boost::system::error_code error;
  while (!error) {
    const std::size_t n = socket.read_some(asio::buffer(chunk), error);
    received.append(chunk, n);
  }
  return received;
}

TEST(ShutdownTest, ARequestInFlightFinishesAndIsKept) {
  TestServer server;
  HttpClient client(server.port());
  const BrowserUser user = signUp(client, "ada@example.com");

  const std::string body = boost::json::serialize(boost::json::value{{"name", "Survivor"}});
  const std::string head =
      "POST /api/space HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Cookie: " +
      user.cookieHeader + "\r\nX-CSRF-Token: " + user.csrfToken +
      "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
  asio::write(socket, asio::buffer(head + body.substr(0, 5)));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  server.sendSignal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(canConnect(server.port())) << "still accepting after SIGTERM";

  asio::write(socket, asio::buffer(body.substr(5)));
  const std::string answer = readAll(socket);
  EXPECT_EQ(answer.rfind("HTTP/1.1 201", 0), 0u) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
  EXPECT_EQ(server.waitForExit(), 0);

  server.restart();
  HttpClient again(server.port());
  const HttpResult signIn =
      again.json("POST", "/api/auth/signin",
                 {{"email", "ada@example.com"}, {"password", "correct horse battery"}});
  const BrowserUser back = browserUserFrom(signIn);
  const auto spaces = again.request("GET", "/api/space", "", back.headers()).json();
  ASSERT_EQ(spaces.at("spaces").as_array().size(), 1u);
  EXPECT_EQ(spaces.at("spaces").as_array()[0].at("name").as_string(), "Survivor");
}

TEST(ShutdownTest, IdleKeepAliveConnectionsDoNotHoldTheServer) {
  TestServer server;
  asio::io_context io;
  tcp::socket idle(io);
  idle.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  asio::write(idle, asio::buffer(request));
  char buffer[1024];
  idle.read_some(asio::buffer(buffer));  // the answer; the connection stays open

  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(server.stop(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(ShutdownTest, SigintAlsoStopsCleanly) {
  TestServer server;
  server.sendSignal(SIGINT);
  EXPECT_EQ(server.waitForExit(), 0);
  EXPECT_NE(server.logText().find("stopped"), std::string::npos);
}

TEST(ReadinessTest, DrainingIsAnnouncedWhileRequestsAreStillServed) {
  TestServer server({"--drain-delay-seconds", "2"});
  HttpClient client(server.port());
  const HttpResult ready = client.request("GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json().at("status"), "ready");
  const BrowserUser user = signUp(client, "ada@example.com");

  server.sendSignal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const HttpResult draining = client.request("GET", "/readyz");
  EXPECT_EQ(draining.status, 503);
  EXPECT_EQ(draining.errorCode(), "draining");
  EXPECT_EQ(client.request("GET", "/healthz").status, 200) << "alive while draining";
  EXPECT_EQ(client.json("POST", "/api/space", {{"name", "Late"}}, user.headers()).status, 201)
      << "new connections are still served during the delay";
  EXPECT_EQ(server.waitForExit(), 0);
  EXPECT_FALSE(canConnect(server.port()));
}

// Keeps a new server from opening its database: on SQLite an exclusive
// lock on the file, on PostgreSQL the advisory lock that migrations take.
class StartBlocker {
 public:
  explicit StartBlocker(const std::filesystem::path& folder)
      : database_(folder), file_((folder / "locked.db").string()), lock_(take()) {}

  std::string databaseSetting() const {
    return database_.onPostgres() ? database_.url() : "sqlite:" + file_;
  }
  void release() { lock_.release(); }

 private:
  HeldLock take() const {
    if (database_.onPostgres()) {
      // store/postgres/postgres_database.cpp
      return HeldLock::onPostgres(database_.url(), {"SELECT pg_advisory_lock(7305227421)"},
                                  "SELECT pg_advisory_unlock(7305227421)");
    }
    return HeldLock::onSqlite(file_, "BEGIN EXCLUSIVE");
  }

  TestDatabase database_;
  std::string file_;
  HeldLock lock_;
};

// The server listens before its database is open: while another holds the
// lock it needs it is alive (/healthz) and not ready (/readyz, the API),
// and it becomes ready on its own once the lock goes. On both backends.
TEST(ReadinessTest, AServerThatIsStillStartingIsAliveButNotReady) {
  const std::filesystem::path root = makeTempDir("tessera-starting");
  StartBlocker blocker(root);
  TestServer server({"--database", blocker.databaseSetting()}, TestServer::Until::Listening);
  HttpClient client(server.port());
  const HttpResult alive = client.request("GET", "/healthz");
  EXPECT_EQ(alive.status, 200);
  EXPECT_EQ(alive.json().at("status"), "starting");
  const HttpResult ready = client.request("GET", "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_EQ(ready.errorCode(), "starting");
  const HttpResult api = client.request("GET", "/api/space");
  EXPECT_EQ(api.status, 503);
  EXPECT_EQ(api.header("retry-after"), "1");

  blocker.release();
  int status = 0;
  for (int i = 0; i < 400 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    status = client.request("GET", "/readyz").status;
  }
  EXPECT_EQ(status, 200);
  EXPECT_EQ(client.request("GET", "/api/space").status, 401) << "the API answers for itself";
  server.stop();
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace tessera::testing
