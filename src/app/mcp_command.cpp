#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "auth/token_format.h"
#include "mcp/http_api_client.h"
#include "mcp/mcp_server.h"
#include "mcp/stdio_transport.h"

namespace tessera::app {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// The token from TESSERA_API_TOKEN or TESSERA_API_TOKEN_FILE, and what is
// wrong with it (empty when nothing is).
std::pair<std::string, std::string> readToken() {
  std::string token = trimmed(environment("TESSERA_API_TOKEN"));
  const std::string file = environment("TESSERA_API_TOKEN_FILE");
  if (token.empty() && !file.empty()) {
    std::ifstream in(file);
    if (!in) return {"", "TESSERA_API_TOKEN_FILE names a file that cannot be read: " + file};
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    token = trimmed(content);
  }
  if (token.empty()) {
    return {"",
            "No token: set TESSERA_API_TOKEN (or TESSERA_API_TOKEN_FILE) to a personal access "
            "token created in Settings › Personal Access Token."};
  }
  if (!auth::parseToken(token)) {
    return {"",
            "TESSERA_API_TOKEN is not a valid Tessera personal access token (tsr_pat_ "
            "followed by 50 letters and digits); copy it again, whole."};
  }
  return {token, ""};
}

}  // namespace

int runMcpStdio() {
  const auto [token, problem] = readToken();
  if (!problem.empty()) spdlog::error("{}", problem);
  const std::string url =
      environment("TESSERA_URL").empty() ? "http://127.0.0.1:8080" : environment("TESSERA_URL");
  mcp::HttpApiClient api(url, token, environment("TESSERA_CA_FILE"));
  mcp::McpServer server(api, problem);
  mcp::serveStdio(server, std::cin, std::cout);
  return 0;
}

}  // namespace tessera::app
