// Users of the instance: creation with validated email, name and password,
// and look-ups. The first user ever created is the instance admin.
#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct User {
  std::string id;
  std::string email;
  std::string name;
  std::string passwordHash;
  bool isAdmin = false;
  UnixMillis createdAt = 0;
  bool disabled = false;
};

// Whether `email` has the shape of an email address (one '@', a dotted
// domain, no spaces or separators).
bool looksLikeEmail(std::string_view email);

// The lookup key of an email address: trimmed and lower-cased.
std::string emailKey(std::string_view email);

// Throws ApiError 400 naming the field when the email, name or password is
// not acceptable. Returns the email and name trimmed.
struct NewUser {
  std::string email;
  std::string name;
  std::string password;
};
void validateNewUser(NewUser& user);
// The same rules, one field at a time (a changed name, email or password).
void validateEmail(std::string& email);
void validateName(std::string& name);
void validatePassword(const std::string& password);

// Inserts a user inside the caller's write transaction. `passwordHash` is
// an Argon2id hash (hash it before opening the transaction: it is slow).
// Throws ApiError 409 email_taken when the email is registered.
User insertUser(store::Session& session, const NewUser& user, const std::string& passwordHash);

// Whether any account exists (the first one becomes the instance admin).
bool anyUserExists(store::Session& session);
std::optional<User> findUserByEmail(store::Session& session, std::string_view email);
std::optional<User> findUserById(store::Session& session, const std::string& id);

// Disables (or re-enables) an account: a disabled user cannot sign in, and
// their browser sessions and tokens stop working at once. Returns false
// when no user has that email.
bool setUserDisabled(store::Session& session, std::string_view email, bool disabled);

// Changes a user's name and email inside the caller's write transaction.
// Throws ApiError 409 email_taken when another account has the email.
void updateUserProfile(store::Session& session, const std::string& userId, const std::string& name,
                       const std::string& email);

// Stores a new password hash and ends every browser session of the user
// but `keepSessionHash` (the one that changed it). Tokens are not touched.
void setUserPassword(store::Session& session, const std::string& userId,
                     const std::string& passwordHash, const std::string& keepSessionHash);

// {"id","email","name","isAdmin","createdTime"}; never the password hash.
boost::json::value userToJson(const User& user);

}  // namespace tessera::features
