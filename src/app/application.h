// The composition root: opens the store, builds the services and the
// router with every route, and the request pipeline over them.
#pragma once

#include <memory>

#include "access/authorizer.h"
#include "app/background_flusher.h"
#include "app/config.h"
#include "app/memory_release.h"
#include "app/pipeline.h"
#include "audit/audit_log.h"
#include "auth/authenticator.h"
#include "auth/last_used_tracker.h"
#include "auth/session_store.h"
#include "auth/token_verifier.h"
#include "features/accounts/account_service.h"
#include "features/bases/base_service.h"
#include "features/fields/field_service.h"
#include "features/invitations/invitation_service.h"
#include "features/members/member_service.h"
#include "features/oauth/oauth_service.h"
#include "features/password_reset/password_reset_service.h"
#include "features/records/record_service.h"
#include "features/spaces/space_service.h"
#include "features/tables/table_service.h"
#include "features/tokens/token_service.h"
#include "features/views/sort_index_builder.h"
#include "features/views/view_service.h"
#include "http/router.h"
#include "mail/mail_queue.h"
#include "store/database.h"

namespace tessera::app {

class Application {
 public:
  explicit Application(const Config& config);

  ~Application();

  http::RequestHandler& handler() { return pipeline_; }
  // Finishes the sort index build in progress, writes what is kept in
  // memory (last-used times, audit events) and stops the background
  // threads. Call before closing the database.
  void flush();
  const http::Router& router() const { return router_; }
  store::Database& database() { return *database_; }

 private:
  std::unique_ptr<store::Database> database_;
  audit::AuditLog audit_;
  auth::LastUsedTracker lastUsed_;
  auth::SessionStore sessions_;
  auth::TokenVerifier tokenVerifier_;
  auth::AttemptLimiter badTokens_;
  auth::Authenticator authenticator_;
  access::Authorizer authorizer_;
  std::unique_ptr<mail::MailQueue> mail_;  // nullptr: no mail server configured
  features::AccountService accounts_;
  features::PasswordResetService passwordResets_;
  features::SpaceService spaces_;
  features::BaseService bases_;
  features::MemberService members_;
  features::InvitationService invitations_;
  features::TableService tables_;
  features::SortIndexBuilder sortIndexes_;
  features::FieldService fields_;
  features::RecordService records_;
  features::ViewService views_;
  features::TokenService tokens_;
  features::OAuthService oauth_;
  http::Router router_;
  http::StaticSite site_;
  Metrics metrics_;
  Pipeline pipeline_;
  BackgroundFlusher flusher_;
  IdleMemoryRelease idleMemory_;
  BackgroundFlusher idleMemoryTicks_;  // once a second
};

}  // namespace tessera::app
