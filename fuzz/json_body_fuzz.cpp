// Fuzzes the JSON request-body decoders that need no database: the JSON
// parser with its nesting limit, the object reader, a field definition, a
// view's changes, and every field type's cell encoder (strict and with
// typecast). Each refuses bad input with an ApiError or CellError only.
#include "features/fields/field_input.h"
#include "features/schema/cell_codec.h"
#include "features/views/view_definition.h"
#include "fuzz_support.h"
#include "http/json_body.h"

using namespace tessera;

namespace {

void encodeEveryCell(const boost::json::value& value) {
  for (features::FieldDef field : fuzz::everyTypeSchema().fields) {
    if (features::isComputed(field.type)) continue;
    for (const bool typecast : {false, true}) {
      bool optionsChanged = false;
      try {
        features::encodeCell(field, value, typecast, optionsChanged);
      } catch (const features::CellError&) {
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::asText(data, size);
  boost::json::value body;
  try {
    body = http::parseJsonText(input, "request body");
  } catch (const http::ApiError& error) {
    if (error.status() != 400) fuzz::fail("bad JSON not refused with 400", input);
    return 0;
  }
  fuzz::refusalsAllowed([&] { features::fieldFromJson(body, "fields[0]."); }, input);
  fuzz::refusalsAllowed(
      [&] {
        http::JsonObjectReader reader(body, {"name", "description"});
        reader.requiredString("name", 100);
        reader.optionalText("description", 1000);
      },
      input);
  if (body.is_object()) {
    fuzz::refusalsAllowed(
        [&] {
          boost::json::object definition;
          features::applyViewChanges(fuzz::everyTypeSchema(), definition, body.as_object());
        },
        input);
  }
  encodeEveryCell(body);
  return 0;
}
