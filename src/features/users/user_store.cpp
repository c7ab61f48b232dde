#include "features/users/user_store.h"

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/trim.hpp>
#include <boost/json/value.hpp>

#include "common/random.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "store/store_error.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxNameLength = 100;
constexpr std::size_t kMinPasswordLength = 8;
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr const char* kUserColumns =
    "id, email, name, password_hash, is_admin, created_at, disabled_at";

}  // namespace

bool looksLikeEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = email.substr(at + 1);
  const std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (const char c : email) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == ',' || c == ';') {
      return false;
    }
  }
  return true;
}

namespace {

User userFromRow(const store::Row& row) {
  return User{row.text(0),         row.text(1),    row.text(2),   row.text(3),
              row.integer(4) != 0, row.integer(5), !row.isNull(6)};
}

std::optional<User> findOne(store::Session& session, const std::string& where,
                            const std::string& value) {
  const store::Rows rows = session.query(
      std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where + " = ?", {value});
  if (rows.empty()) return std::nullopt;
  return userFromRow(rows[0]);
}

}  // namespace

std::string emailKey(std::string_view email) {
  return boost::algorithm::to_lower_copy(boost::algorithm::trim_copy(std::string(email)));
}

void validateEmail(std::string& email) {
  boost::algorithm::trim(email);
  if (email.size() > kMaxEmailLength || !looksLikeEmail(email)) {
    throw http::badRequest("invalid_field", "Field 'email' must be an email address.");
  }
}

void validateName(std::string& name) {
  boost::algorithm::trim(name);
  if (name.empty() || http::utf8Length(name) > kMaxNameLength) {
    throw http::badRequest("invalid_field", "Field 'name' must be 1 to 100 characters long.");
  }
}

void validatePassword(const std::string& password) {
  if (http::utf8Length(password) < kMinPasswordLength || password.size() > kMaxPasswordBytes) {
    throw http::badRequest("invalid_field",
                           "Field 'password' must be at least 8 characters (at most 1024 bytes).");
  }
}

void validateNewUser(NewUser& user) {
  validateEmail(user.email);
  validateName(user.name);
  validatePassword(user.password);
}

bool anyUserExists(store::Session& session) {
  return !session.query("SELECT 1 FROM users LIMIT 1").empty();
}

User insertUser(store::Session& session, const NewUser& user, const std::string& passwordHash) {
  const bool first = !anyUserExists(session);
  User created{newId("usr"), user.email, user.name, passwordHash, first, nowMillis()};
  try {
    session.execute(
        "INSERT INTO users (id, email, email_key, name, password_hash, is_admin, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {created.id, created.email, emailKey(created.email), created.name, created.passwordHash,
         std::int64_t{created.isAdmin ? 1 : 0}, created.createdAt});
  } catch (const store::StoreError& error) {
    if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
    throw http::conflict("email_taken", "An account with this email already exists.");
  }
  return created;
}

std::optional<User> findUserByEmail(store::Session& session, std::string_view email) {
  return findOne(session, "email_key", emailKey(email));
}

std::optional<User> findUserById(store::Session& session, const std::string& id) {
  return findOne(session, "id", id);
}

bool setUserDisabled(store::Session& session, std::string_view email, bool disabled) {
  const auto user = findUserByEmail(session, email);
  if (!user) return false;
  session.execute("UPDATE users SET disabled_at = ? WHERE id = ?",
                  {disabled ? store::SqlValue(nowMillis()) : store::SqlValue(nullptr), user->id});
  if (disabled) session.execute("DELETE FROM browser_sessions WHERE user_id = ?", {user->id});
  return true;
}

void updateUserProfile(store::Session& session, const std::string& userId, const std::string& name,
                       const std::string& email) {
  try {
    session.execute("UPDATE users SET name = ?, email = ?, email_key = ? WHERE id = ?",
                    {name, email, emailKey(email), userId});
  } catch (const store::StoreError& error) {
    if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
    throw http::conflict("email_taken", "An account with this email already exists.");
  }
}

void setUserPassword(store::Session& session, const std::string& userId,
                     const std::string& passwordHash, const std::string& keepSessionHash) {
  session.execute("UPDATE users SET password_hash = ? WHERE id = ?", {passwordHash, userId});
  session.execute("DELETE FROM browser_sessions WHERE user_id = ? AND secret_hash <> ?",
                  {userId, keepSessionHash});
}

boost::json::value userToJson(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"isAdmin", user.isAdmin},
          {"createdTime", formatRfc3339(user.createdAt)}};
}

}  // namespace tessera::features
