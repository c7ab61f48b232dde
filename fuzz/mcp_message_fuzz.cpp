// Fuzzes MCP JSON-RPC messages through the MCP server, whose tools call
// the real API in-process with a full-access token. Whatever the message,
// the server answers with a JSON-RPC response or nothing, never throws,
// and never answers "internal error" (which would mean a bug, not a bad
// message). "{table}", "{record}" and "{base}" become real ids.
#include "fuzz_support.h"
#include "mcp/in_process_api_client.h"
#include "mcp/mcp_server.h"

using namespace tessera;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzWorld& world = fuzz::fuzzWorld();
  const std::string input = fuzz::expandPlaceholders(std::string(fuzz::asText(data, size)), world);
  mcp::InProcessApiClient api(world.app.application().handler(), world.token, "127.0.0.1");
  mcp::McpServer server(api, "");
  const auto response = server.handle(input);
  if (!response) return 0;
  const auto* object = response->if_object();
  if (!object || !object->contains("jsonrpc")) fuzz::fail("not a JSON-RPC response", input);
  if (const auto* error = object->if_contains("error")) {
    const auto* code = error->is_object() ? error->as_object().if_contains("code") : nullptr;
    if (!code || !code->is_int64()) fuzz::fail("an error without a code", input);
    if (code->as_int64() == mcp::kInternalError) fuzz::fail("internal error", input);
  }
  return 0;
}
