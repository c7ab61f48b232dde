// A migrated SQLite database in a temporary folder holding one user,
// "usr1", for unit tests of the parts that keep rows per user.
#pragma once

#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"
#include "temp_dir.h"

namespace tessera::testing {

struct UserDatabase {
  UserDatabase() : database(dir.file("tessera.db")) {
    store::migrate(database);
    database.write([](store::Session& session) {
      session.execute(
          "INSERT INTO users (id, email, email_key, name, password_hash, is_admin, created_at)"
          " VALUES ('usr1', 'a@b.co', 'a@b.co', 'A', 'x', 0, 0)");
    });
  }

  TempDir dir;
  store::SqliteDatabase database;
};

}  // namespace tessera::testing
