// A migrated SQLite database with two users ("usr1" Ada, "usr2" Bob) and
// Ada's space "spc1" holding base "bse1", written through the stores, for
// unit tests of the stores of spaces, bases and collaborators and of the
// guard that reads them.
#pragma once

#include "features/bases/base_store.h"
#include "features/members/member_store.h"
#include "features/spaces/space_store.h"
#include "features/users/user_store.h"
#include "user_database.h"

namespace tessera::testing {

struct WorkspaceDatabase : UserDatabase {
  WorkspaceDatabase() {
    database.write([](store::Session& session) {
      features::insertUser(session, {"bob@example.com", "Bob", ""}, "x");
      features::insertSpace(session, {"spc1", "Research", "usr1", 10, 10});
      features::insertCollaborator(session, {access::ResourceKind::Space, "spc1"}, "usr1",
                                   access::Role::Owner, 10);
      features::insertBase(session, {"bse1", "spc1", "Experiments", "usr1", 20, 20});
    });
    bob = database.read([](store::Session& session) {
      return features::findUserByEmail(session, "bob@example.com")->id;
    });
  }

  std::string bob;  // Bob's user id
};

}  // namespace tessera::testing
