// SchemaCache: a schema is reused while the table's schema version stands,
// and every change made through the services (fields added, renamed,
// retyped, deleted; select choices added by typecast) is seen by the very
// next read.
#include "features/schema/schema_cache.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "features/fields/field_input.h"
#include "features/fields/field_service.h"
#include "features/records/record_service.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"
#include "http/api_error.h"
#include "user_database.h"

namespace tessera::features {
namespace {

class SchemaCacheTest : public ::testing::Test {
 protected:
  SchemaCacheTest() {
    db.database.write([](store::Session& session) {
      session.execute(
          "INSERT INTO spaces (id, name, created_by, created_at, updated_at)"
          " VALUES ('spc1', 'S', 'usr1', 0, 0)");
      session.execute(
          "INSERT INTO bases (id, space_id, name, created_by, created_at, updated_at)"
          " VALUES ('bse1', 'spc1', 'B', 'usr1', 0, 0)");
      session.execute(
          "INSERT INTO tables_meta (id, base_id, name, name_key, description, position,"
          " created_by, created_at, updated_at) VALUES ('tblT', 'bse1', 'T', 't', '', 1, 'usr1', "
          "0, "
          "0)");
      createUserTable(session, "tblT");
      FieldDef name{"fldName", "Name",  "",     FieldType::SingleLineText, {}, true, 0,
                    nullptr,   nullptr, nullptr};
      insertField(session, "tblT", name);
    });
  }

  std::shared_ptr<const TableSchema> schema() {
    return db.database.read(
        [&](store::Session& session) { return cache.require(session, "tblT"); });
  }

  std::vector<std::string> fieldNames() {
    std::vector<std::string> names;
    for (const FieldDef& field : schema()->fields) names.push_back(field.name);
    return names;
  }

  testing::UserDatabase db;
  SchemaCache cache;
};

TEST_F(SchemaCacheTest, AnUnchangedSchemaIsReadOnce) {
  const auto first = schema();
  EXPECT_EQ(schema().get(), first.get());
  db.database.write([](store::Session& session) { touchTableSchema(session, "tblT"); });
  EXPECT_NE(schema().get(), first.get()) << "a new version is loaded again";
}

TEST_F(SchemaCacheTest, EveryFieldChangeIsSeenByTheNextRead) {
  SortIndexBuilder sortIndexes(db.database, [](const std::string& failure) { FAIL() << failure; });
  FieldService fields(db.database, sortIndexes);
  EXPECT_EQ(fieldNames(), std::vector<std::string>{"Name"});
  const auto bin =
      fields.create("tblT", fieldFromJson(boost::json::parse(R"({"name":"Bin","type":"singleSelect",
      "options":{"choices":[{"name":"A"}]}})"),
                                          ""));
  const std::string binId(bin.at("id").as_string());
  EXPECT_EQ(fieldNames(), (std::vector<std::string>{"Name", "Bin"}));

  fields.update("tblT", binId, fieldChangesFromBody(boost::json::parse(R"({"name":"Box"})")));
  EXPECT_EQ(fieldNames(), (std::vector<std::string>{"Name", "Box"}));

  RecordService records(db.database);
  records.create("tblT", "usr1",
                 newRecordsFromBody(boost::json::parse(
                     R"({"records":[{"fields":{"Box":"New"}}],"typecast":true})")));
  EXPECT_EQ(schema()->fields.at(1).options.at("choices").as_array().size(), 2u)
      << "the choice typecast added";

  fields.update("tblT", binId,
                fieldChangesFromBody(boost::json::parse(R"({"type":"singleLineText"})")));
  EXPECT_EQ(schema()->fields.at(1).type, FieldType::SingleLineText);

  fields.remove("tblT", binId);
  EXPECT_EQ(fieldNames(), std::vector<std::string>{"Name"});
}

TEST_F(SchemaCacheTest, AMissingTableIsNotFound) {
  db.database.read([&](store::Session& session) {
    EXPECT_THROW(cache.require(session, "tblNone"), http::ApiError);
  });
}

}  // namespace
}  // namespace tessera::features
