// Fuzzes the token parser and its checksum: whatever the bytes, parseToken
// refuses them or returns parts that make the very same token again, and
// the audit id is the parsed id.
#include "auth/token_format.h"
#include "fuzz_support.h"

using namespace tessera;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::asText(data, size);
  const auto parsed = auth::parseToken(input);
  const std::string auditId = auth::tokenIdForAudit(input);
  if (parsed) {
    if (auth::makeToken(parsed->kind, parsed->id, parsed->secret) != input) {
      fuzz::fail("a token that parses does not make itself again", input);
    }
    if (auditId != parsed->id) fuzz::fail("the audit id is not the token's id", input);
  }
  return 0;
}
