#include "features/invitations/invitation_store.h"

#include <stdexcept>

#include "common/random.h"
#include "features/users/user_store.h"

namespace tessera::features {
namespace {

const char* const kSelect =
    "SELECT i.id, i.space_id, i.base_id, i.role, i.email, i.invited_by, COALESCE(u.name, ''), "
    "i.created_at, i.expires_at, i.use_count, i.last_used_at "
    "FROM invitations i LEFT JOIN users u ON u.id = i.invited_by ";

Invitation invitationFromRow(const store::Row& row) {
  Invitation invitation;
  invitation.id = row.text(0);
  invitation.resource = row.isNull(1)
                            ? access::ResourceRef{access::ResourceKind::Base, row.text(2)}
                            : access::ResourceRef{access::ResourceKind::Space, row.text(1)};
  invitation.role = row.text(3);
  invitation.email = row.optionalText(4);
  invitation.invitedById = row.text(5);
  invitation.invitedByName = row.text(6);
  invitation.createdAt = row.integer(7);
  invitation.expiresAt = row.integer(8);
  invitation.useCount = row.integer(9);
  invitation.lastUsedAt = row.optionalInteger(10);
  return invitation;
}

// The column that names the invitation's resource.
std::string resourceColumn(access::ResourceKind kind) {
  switch (kind) {
    case access::ResourceKind::Space:
      return "space_id";
    case access::ResourceKind::Base:
      return "base_id";
    case access::ResourceKind::Table:
      break;
  }
  throw std::logic_error("only spaces and bases have invitations");
}

std::vector<Invitation> invitationsFrom(const store::Rows& rows) {
  std::vector<Invitation> invitations;
  for (const store::Row& row : rows) invitations.push_back(invitationFromRow(row));
  return invitations;
}

std::optional<Invitation> firstInvitation(const store::Rows& rows) {
  if (rows.empty()) return std::nullopt;
  return invitationFromRow(rows[0]);
}

store::SqlValue optionalValue(const std::optional<std::string>& value) {
  if (!value) return nullptr;
  return *value;
}

}  // namespace

std::vector<Invitation> loadInvitations(store::Session& session,
                                        const access::ResourceRef& resource) {
  return invitationsFrom(session.query(std::string(kSelect) + "WHERE i." +
                                           resourceColumn(resource.kind) +
                                           " = ? ORDER BY i.created_at DESC, i.id",
                                       {resource.id}));
}

std::optional<Invitation> loadInvitation(store::Session& session, const std::string& id) {
  return firstInvitation(session.query(std::string(kSelect) + "WHERE i.id = ?", {id}));
}

std::string insertInvitation(store::Session& session, const NewInvitation& invitation) {
  const std::string id = newId("inv");
  const bool space = invitation.resource.kind == access::ResourceKind::Space;
  resourceColumn(invitation.resource.kind);  // refuses a table
  std::optional<std::string> emailKey;
  if (invitation.email) emailKey = features::emailKey(*invitation.email);
  session.execute(
      "INSERT INTO invitations (id, space_id, base_id, role, email, email_key, secret_hash, "
      "invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {id, space ? store::SqlValue(invitation.resource.id) : nullptr,
       space ? nullptr : store::SqlValue(invitation.resource.id), invitation.role,
       optionalValue(invitation.email), optionalValue(emailKey),
       optionalValue(invitation.secretHash), invitation.invitedBy, invitation.createdAt,
       invitation.expiresAt});
  return id;
}

bool deleteInvitation(store::Session& session, const access::ResourceRef& resource,
                      const std::string& id) {
  return session.execute(
             "DELETE FROM invitations WHERE id = ? AND " + resourceColumn(resource.kind) + " = ?",
             {id, resource.id}) > 0;
}

bool hasPendingEmailInvitation(store::Session& session, const access::ResourceRef& resource,
                               const std::string& emailKey, UnixMillis now) {
  return !session
              .query("SELECT 1 FROM invitations WHERE " + resourceColumn(resource.kind) +
                         " = ? AND email_key = ? AND expires_at > ?",
                     {resource.id, emailKey, now})
              .empty();
}

std::vector<Invitation> loadEmailInvitations(store::Session& session, const std::string& emailKey,
                                             UnixMillis now) {
  return invitationsFrom(session.query(
      std::string(kSelect) + "WHERE i.email_key = ? AND i.expires_at > ? ORDER BY i.created_at",
      {emailKey, now}));
}

std::optional<Invitation> findLinkInvitation(store::Session& session,
                                             const std::string& secretHash) {
  return firstInvitation(
      session.query(std::string(kSelect) + "WHERE i.secret_hash = ?", {secretHash}));
}

void markInvitationUsed(store::Session& session, const std::string& id, UnixMillis at) {
  session.execute("UPDATE invitations SET use_count = use_count + 1, last_used_at = ? WHERE id = ?",
                  {at, id});
}

}  // namespace tessera::features
