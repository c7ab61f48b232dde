// Native TLS: `tessera serve --tls-cert --tls-key` serves HTTPS only, TLS
// 1.2 or newer, with HSTS and Secure cookies; SIGHUP loads a renewed
// certificate for new connections while open ones go on; and `tessera mcp`
// verifies an https:// server and will not send a token over plain http
// to another machine. Certificates are made by the test with openssl.
#include <gtest/gtest.h>
#include <openssl/ssl.h>
#include <signal.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/files.h"
#include "support/https_client.h"
#include "support/test_server.h"

namespace tessera::testing {
namespace {

class TlsTest : public ::testing::Test {
 protected:
  TlsTest()
      : folder(makeTempDir("tessera-tls")),
        first(makeCertificate(folder, "first")),
        server({"--tls-cert", first.certificate.string(), "--tls-key", first.key.string()}) {}
  ~TlsTest() override { std::filesystem::remove_all(folder); }

  std::filesystem::path folder;
  TestCertificate first;
  TestServer server;
};

TEST_F(TlsTest, HttpsWithHstsAndSecureCookies) {
  HttpsConnection connection(server.port(), first.certificate);
  EXPECT_EQ(connection.protocol(), "TLSv1.3");
  const HttpResult health = connection.request("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.header("strict-transport-security"), "max-age=63072000");
  const HttpResult signUp = connection.request(
      "POST", "/api/auth/signup",
      R"({"email":"ada@example.com","name":"Ada","password":"correct horse battery"})",
      {{"Content-Type", "application/json"}});
  ASSERT_EQ(signUp.status, 201) << signUp.body;
  int cookies = 0;
  for (const auto& [name, value] : signUp.headers) {
    if (name != "set-cookie") continue;
    ++cookies;
    EXPECT_NE(value.find("; Secure"), std::string::npos) << value;
  }
  EXPECT_EQ(cookies, 2);
  // The same connection goes on (keep-alive over TLS).
  EXPECT_EQ(connection.request("GET", "/readyz").status, 200);
}

TEST_F(TlsTest, OldProtocolsAndPlainHttpAreRefused) {
  EXPECT_THROW(HttpsConnection(server.port(), first.certificate, TLS1_1_VERSION),
               std::runtime_error);
  EXPECT_EQ(HttpsConnection(server.port(), first.certificate, TLS1_2_VERSION).protocol(),
            "TLSv1.2");
  const std::string plain = HttpClient(server.port()).raw("GET /healthz HTTP/1.1\r\n\r\n");
  EXPECT_EQ(plain.rfind("HTTP/1.1 200", 0), std::string::npos) << "no plain HTTP on a TLS port";
  EXPECT_EQ(HttpsConnection(server.port(), first.certificate).request("GET", "/healthz").status,
            200)
      << "still serving";
}

TEST_F(TlsTest, SighupServesARenewedCertificateWithoutDroppingConnections) {
  HttpsConnection before(server.port(), first.certificate);
  ASSERT_EQ(before.request("GET", "/healthz").status, 200);
  const std::string original = certificateFingerprint(first.certificate);
  EXPECT_EQ(before.serverCertificateFingerprint(), original);
  const TestCertificate renewed = makeCertificate(folder, "renewed");
  std::filesystem::copy_file(renewed.certificate, first.certificate,
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(renewed.key, first.key,
                             std::filesystem::copy_options::overwrite_existing);
  server.sendSignal(SIGHUP);
  for (int i = 0; i < 100 && server.logText().find("certificate reloaded") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(before.request("GET", "/healthz").status, 200) << "the open connection goes on";
  EXPECT_EQ(before.serverCertificateFingerprint(), original);
  ASSERT_NE(certificateFingerprint(renewed.certificate), original);
  HttpsConnection after(server.port(), renewed.certificate);
  EXPECT_EQ(after.serverCertificateFingerprint(), certificateFingerprint(renewed.certificate));
  EXPECT_EQ(after.request("GET", "/healthz").status, 200);

  // A broken renewal keeps the certificate in use.
  { std::ofstream(first.certificate) << "not a certificate"; }
  server.sendSignal(SIGHUP);
  for (int i = 0; i < 100 && server.logText().find("not reloaded") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(server.logText().find("not reloaded"), std::string::npos);
  EXPECT_EQ(HttpsConnection(server.port(), renewed.certificate).request("GET", "/healthz").status,
            200);
}

// `tessera mcp` against the HTTPS server: with TESSERA_CA_FILE it verifies
// and works; without it the test's certificate is not trusted and the tool
// call says how to fix it; plain http:// to another machine is refused
// before any connection.
TEST_F(TlsTest, TheMcpServerVerifiesHttpsAndKeepsTokensOffPlainHttp) {
  HttpsConnection connection(server.port(), first.certificate);
  const BrowserUser user = browserUserFrom(connection.request(
      "POST", "/api/auth/signup",
      R"({"email":"ada@example.com","name":"Ada","password":"correct horse battery"})",
      {{"Content-Type", "application/json"}}));
  Headers headers = user.headers();
  headers.emplace_back("Content-Type", "application/json");
  const std::time_t inADay = std::time(nullptr) + 86400;
  char expiry[32];
  std::strftime(expiry, sizeof expiry, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&inADay));
  const HttpResult created =
      connection.request("POST", "/api/access-token",
                         boost::json::serialize(boost::json::value{
                             {"name", "agent"}, {"scopes", {"read"}}, {"expiresAt", expiry}}),
                         headers);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token(created.json().at("token").as_string());
  const std::string input =
      R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_spaces","arguments":{}}})"
      "\n";
  const std::string url = "TESSERA_URL=https://localhost:" + std::to_string(server.port());

  std::string out, err;
  ASSERT_EQ(runTesseraApart({"mcp"},
                            {"TESSERA_API_TOKEN=" + token, url,
                             "TESSERA_CA_FILE=" + first.certificate.string()},
                            input, out, err),
            0)
      << err;
  const auto answer = boost::json::parse(out);
  EXPECT_FALSE(answer.at("result").at("isError").as_bool()) << out;

  runTesseraApart({"mcp"}, {"TESSERA_API_TOKEN=" + token, url}, input, out, err);
  EXPECT_NE((out + err).find("TESSERA_CA_FILE"), std::string::npos) << out << err;

  EXPECT_EQ(
      runTesseraApart({"mcp"}, {"TESSERA_API_TOKEN=" + token, "TESSERA_URL=http://192.0.2.10:8080"},
                      input, out, err),
      1);
  EXPECT_NE(err.find("unencrypted"), std::string::npos) << err;
  EXPECT_EQ(err.find(token), std::string::npos);
}

}  // namespace
}  // namespace tessera::testing
