#include "mcp/stdio_transport.h"

#include <boost/json/serialize.hpp>
#include <string>

namespace tessera::mcp {

void serveStdio(McpServer& server, std::istream& in, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (auto response = server.handle(line)) {
      out << boost::json::serialize(*response) << '\n';
      out.flush();
    }
  }
}

}  // namespace tessera::mcp
