#include "fuzz_support.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <cstdio>
#include <cstdlib>

#include "features/fields/field_input.h"

namespace tessera::fuzz {

const char* const kEveryTypeFields = R"([
  {"name":"Title","type":"singleLineText"},
  {"name":"Notes","type":"longText"},
  {"name":"Points","type":"number","options":{"precision":1}},
  {"name":"Done","type":"checkbox"},
  {"name":"Due","type":"date"},
  {"name":"Status","type":"singleSelect","options":{"choices":[{"name":"New"},{"name":"Done"}]}},
  {"name":"Tags","type":"multipleSelect","options":{"choices":[{"name":"red"},{"name":"blue"}]}},
  {"name":"Email","type":"email"},
  {"name":"Site","type":"url"},
  {"name":"Stars","type":"rating"},
  {"name":"No","type":"autoNumber"},
  {"name":"Created","type":"createdTime"},
  {"name":"Modified","type":"lastModifiedTime"},
  {"name":"Author","type":"createdBy"},
  {"name":"Editor","type":"lastModifiedBy"}])";

const features::TableSchema& everyTypeSchema() {
  static const features::TableSchema schema = [] {
    features::TableSchema built;
    built.id = "tblFuzz";
    built.name = "Fuzz";
    std::int64_t position = 0;
    const boost::json::value definitions = boost::json::parse(kEveryTypeFields);
    for (const auto& definition : definitions.as_array()) {
      features::FieldDef field = features::fieldFromJson(definition, "");
      field.id = "fld" + std::to_string(position);
      field.position = ++position;
      field.isPrimary = position == 1;
      built.fields.push_back(std::move(field));
    }
    return built;
  }();
  return schema;
}

FuzzWorld::FuzzWorld() : app("tessera-fuzz-" + std::to_string(::getpid())) {
  tableId = app.createTable(kEveryTypeFields);
  const auto created =
      app.send("POST", "/api/table/" + tableId + "/record",
               R"({"records":[{"fields":{"Title":"a","Points":1.5,"Tags":["red"]}},)"
               R"({"fields":{"Title":"b","Done":true,"Due":"2026-11-28"}},)"
               R"({"fields":{"Status":"New","Stars":3}}]})");
  recordId = std::string(created.at("records").at(0).at("id").as_string());
  token = app.createToken(R"(["full_access"])");
}

FuzzWorld& fuzzWorld() {
  static FuzzWorld* world = [] {
    spdlog::set_level(spdlog::level::off);
    return new FuzzWorld();  // never destroyed: the fuzzer exits without unwinding
  }();
  return *world;
}

std::string expandPlaceholders(std::string text, const FuzzWorld& world) {
  const std::pair<std::string_view, const std::string&> names[] = {
      {"{table}", world.tableId},
      {"{record}", world.recordId},
      {"{base}", world.app.baseId()},
      {"{token}", world.token},
      {"{cookie}", world.app.sessionCookie()},
      {"{csrf}", world.app.csrfToken()}};
  for (const auto& [name, value] : names) {
    for (auto at = text.find(name); at != std::string::npos;
         at = text.find(name, at + value.size())) {
      text.replace(at, name.size(), value);
    }
  }
  return text;
}

void fail(const std::string& what, std::string_view input) {
  std::fprintf(stderr, "fuzz property broken: %s\ninput (%zu bytes): %.*s\n", what.c_str(),
               input.size(), static_cast<int>(std::min<std::size_t>(input.size(), 2000)),
               input.data());
  std::abort();
}

}  // namespace tessera::fuzz
