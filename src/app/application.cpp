#include "app/application.h"

#include "app/open_database.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include "features/accounts/account_routes.h"
#include "features/bases/base_routes.h"
#include "features/fields/field_routes.h"
#include "features/fields/materialised_format.h"
#include "features/health/health_routes.h"
#include "features/invitations/invitation_routes.h"
#include "features/members/member_routes.h"
#include "features/oauth/oauth_discovery_routes.h"
#include "features/oauth/oauth_routes.h"
#include "features/openapi/openapi_routes.h"
#include "features/password_reset/password_reset_routes.h"
#include "features/records/record_routes.h"
#include "features/spaces/space_routes.h"
#include "features/tables/table_routes.h"
#include "features/tokens/token_routes.h"
#include "features/views/view_routes.h"
#include "mail/smtp_sender.h"
#include "mcp/mcp_http_routes.h"
#include "web/web_assets.h"

namespace tessera::app {
namespace {

auth::SessionPolicy sessionPolicy(const Config& config) {
  return {std::chrono::hours(config.sessionIdleHours),
          std::chrono::hours(config.sessionLifetimeHours)};
}

features::SignInLimits signInLimits(const Config& config) {
  return {config.signinFailuresPerAccount, config.signinFailuresPerIp,
          std::chrono::seconds(config.signinWindowSeconds)};
}

// The queue that sends e-mail through --smtp-url, or nullptr without one.
// The password is read from the environment only, never from a flag.
std::unique_ptr<mail::MailQueue> mailQueue(const Config& config) {
  if (config.smtpUrl.empty()) return nullptr;
  const char* password = std::getenv("TESSERA_SMTP_PASSWORD");
  auto sender = std::make_shared<mail::SmtpSender>(mail::SmtpSettings{
      config.smtpUrl, config.smtpFrom, config.smtpUser, password ? password : ""});
  return std::make_unique<mail::MailQueue>(
      [sender](const mail::MailMessage& message) { sender->send(message); });
}

bool startsWithHttps(const std::string& url) { return url.rfind("https://", 0) == 0; }

// "https://example.com:8443/some/path" -> "https://example.com:8443".
std::string originOf(const std::string& url) {
  const std::size_t scheme = url.find("://");
  const std::size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return url.substr(0, path);
}

features::OAuthPolicy oauthPolicy(const Config& config) {
  features::OAuthPolicy policy;
  policy.maxGrantDays = config.maxTokenLifetimeDays;
  policy.registrationOpen = !config.disableOAuthRegistration;
  policy.registrationsPerMinute = config.oauthRegistrationsPerMinute;
  policy.allowedClientsOnly = config.oauthAllowedClientsOnly;
  policy.clientDocuments.allowLoopback = config.oauthAllowLoopbackClients;
  policy.clientDocuments.caFile = config.oauthFetchCaFile;
  return policy;
}

}  // namespace

Application::Application(const Config& config)
    : database_(openDatabase(config)),
      audit_(*database_),
      lastUsed_(*database_),
      sessions_(*database_, sessionPolicy(config)),
      tokenVerifier_(*database_, lastUsed_, audit_),
      badTokens_(config.badTokensPerMinute, std::chrono::seconds(60)),
      authenticator_(sessions_, tokenVerifier_, badTokens_),
      authorizer_(*database_),
      mail_(mailQueue(config)),
      accounts_(*database_, sessions_, !config.disableSignup, signInLimits(config)),
      passwordResets_(*database_, mail_.get(), config.effectivePublicUrl()),
      spaces_(*database_),
      bases_(*database_),
      members_(*database_),
      invitations_(*database_),
      tables_(*database_),
      sortIndexes_(*database_,
                   [](const std::string& failure) { spdlog::warn("sort index: {}", failure); }),
      fields_(*database_, sortIndexes_),
      records_(*database_),
      views_(*database_, sortIndexes_),
      tokens_(*database_, lastUsed_, audit_,
              {config.maxTokenLifetimeDays, config.allowNonExpiringTokens,
               config.leakReportsPerMinute}),
      oauth_(*database_, lastUsed_, oauthPolicy(config)),
      site_(web::webAssets()),
      pipeline_(*database_, router_, site_, authenticator_, authorizer_, metrics_,
                originOf(config.effectivePublicUrl())),
      flusher_(std::chrono::seconds(config.lastUsedFlushSeconds),
               [this, retention = UnixMillis{config.trashRetentionDays} * kMillisPerDay] {
                 lastUsed_.flush();
                 audit_.flush();
                 // <= cutoff is purged: with no retention, everything deleted so far.
                 const UnixMillis cutoff = nowMillis() - retention + 1;
                 fields_.purgeTrash(cutoff);
                 views_.purgeTrash(cutoff);
               }),
      idleMemoryTicks_(std::chrono::seconds(1),
                       [this] { idleMemory_.tick(metrics_.requestsAnswered()); }) {
  if (const std::size_t refilled = features::upgradeMaterialisedFormat(*database_)) {
    spdlog::info(
        "computed the linked values of {} base(s) again: this build stores them in a "
        "new form",
        refilled);
  }
  sortIndexes_.scheduleEveryTable();
  features::registerHealthRoutes(router_, *database_);
  router_.add("GET", "/metrics", access::loopback(), [this](auto&) {
    http::Response response;
    response.body = metrics_.render(database_->stats(), lastUsed_.backlog());
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    return response;
  });
  features::registerOpenApiRoutes(router_);
  features::registerAccountRoutes(router_, accounts_, startsWithHttps(config.effectivePublicUrl()),
                                  passwordResets_.available());
  features::registerPasswordResetRoutes(router_, passwordResets_);
  features::registerSpaceRoutes(router_, spaces_);
  features::registerBaseRoutes(router_, bases_, authorizer_);
  features::registerMemberRoutes(router_, members_, authorizer_);
  features::registerInvitationRoutes(router_, invitations_);
  features::registerTableRoutes(router_, tables_);
  features::registerFieldRoutes(router_, fields_);
  features::registerRecordRoutes(router_, records_);
  features::registerViewRoutes(router_, views_);
  features::registerTokenRoutes(router_, tokens_);
  features::registerOAuthRoutes(router_, oauth_);
  features::registerOAuthDiscoveryRoutes(router_, originOf(config.effectivePublicUrl()),
                                         !config.disableOAuthRegistration);
  mcp::registerMcpRoutes(router_, pipeline_, originOf(config.effectivePublicUrl()));
}

Application::~Application() { flusher_.stop(); }

void Application::flush() {
  sortIndexes_.stop();
  flusher_.stop();
  idleMemoryTicks_.stop();
  if (mail_) mail_->stop();
}

}  // namespace tessera::app
