// What the fuzz targets share: the input as text, a table schema with a
// field of every type (no database needed), the in-process application
// the request-level targets drive, and how a broken property is reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "features/schema/table_schema.h"
#include "http/api_error.h"
#include "support/in_process_app.h"

namespace tessera::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The field definitions (a JSON array) of a table with every field type.
extern const char* const kEveryTypeFields;

// kEveryTypeFields read by the API's own field decoder, with ids.
const features::TableSchema& everyTypeSchema();

// One application for the whole run, with a table of kEveryTypeFields
// holding a few records, and a token with every scope.
struct FuzzWorld {
  testing::InProcessApp app;
  std::string tableId, recordId, token;
  FuzzWorld();
};
FuzzWorld& fuzzWorld();

// `text` with "{table}", "{record}", "{base}", "{token}", "{cookie}" and
// "{csrf}" replaced by the world's own, so inputs reach real resources.
std::string expandPlaceholders(std::string text, const FuzzWorld& world);

// A property the code promises does not hold: print and abort, so the
// fuzzer saves the input.
[[noreturn]] void fail(const std::string& what, std::string_view input);

// An ApiError from `attempt` is a refusal, which is fine; a status of 500
// or more is not (a client's input must never cause one), and any other
// exception escapes to the fuzzer as a crash.
template <typename Attempt>
void refusalsAllowed(Attempt&& attempt, std::string_view input) {
  try {
    attempt();
  } catch (const http::ApiError& error) {
    if (error.status() >= 500) fail("refused with status " + std::to_string(error.status()), input);
  }
}

}  // namespace tessera::fuzz
