#include "app/config.h"

#include <CLI/CLI.hpp>
#include <boost/url/parse.hpp>
#include <stdexcept>
#include <thread>

#include "app/database_url.h"
#include "http/client_address.h"

namespace tessera::app {

std::string Config::host() const {
  const std::size_t colon = listen.rfind(':');
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

std::uint16_t Config::port() const {
  const std::size_t colon = listen.rfind(':');
  return static_cast<std::uint16_t>(std::stoul(listen.substr(colon + 1)));
}

std::string Config::effectivePublicUrl() const { return effectivePublicUrl(listen); }

std::string Config::effectivePublicUrl(const std::string& address) const {
  if (!publicUrl.empty()) return publicUrl;
  return (tlsCertFile.empty() ? "http://" : "https://") + address;
}

bool Config::usesPostgres() const {
  return database.starts_with("postgres://") || database.starts_with("postgresql://");
}

unsigned Config::effectiveThreads() const {
  if (threads != 0) return threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

unsigned Config::effectiveReadThreads() const {
  if (readThreads != 0) return readThreads;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // A request waits for the database on its pool thread: for SQLite that
  // wait is short (a second thread per core keeps a core busy beside one
  // slow request), for PostgreSQL it is a network round trip, so more
  // threads keep the cores busy (measured in docs/operations.md).
  return usesPostgres() ? 4 * cores : 2 * cores;
}

unsigned Config::effectiveWriteThreads() const {
  if (writeThreads) return *writeThreads;
  // On SQLite, many writes waiting together share one commit. On
  // PostgreSQL each write is its own SERIALIZABLE transaction: more of them
  // at once on the same records means more conflicts, and a write can
  // keep losing its retries (docs/operations.md), so at most one write per
  // core runs at once there until retries cannot starve.
  return usesPostgres() ? std::max(1u, std::thread::hardware_concurrency()) : 16u;
}

void addDatabaseOptions(CLI::App& command, Config& config) {
  command.add_option("--data-dir", config.dataDir, "Folder for the SQLite database file")
      ->envname("TESSERA_DATA_DIR")
      ->capture_default_str();
  command
      .add_option("--database", config.database,
                  "Database: sqlite:PATH, or postgres://... (default: <data-dir>/tessera.db)")
      ->envname("TESSERA_DATABASE");
}

namespace {

// A whole-number option with its environment variable and allowed range.
void addBounded(CLI::App& command, const std::string& flag, unsigned& target,
                const std::string& envName, const std::string& help, unsigned min, unsigned max) {
  command.add_option(flag, target, help)
      ->envname(envName)
      ->check(CLI::Range(min, max))
      ->capture_default_str();
}

// A flag that is off unless given (or its environment variable is set).
void addSwitch(CLI::App& command, const std::string& flag, bool& target, const std::string& envName,
               const std::string& help) {
  command.add_flag(flag, target, help)->envname(envName);
}

}  // namespace

void addServeOptions(CLI::App& command, Config& config) {
  addDatabaseOptions(command, config);
  command.add_option("--listen", config.listen, "Address and port to listen on (HOST:PORT)")
      ->envname("TESSERA_LISTEN")
      ->capture_default_str();
  command
      .add_option("--public-url", config.publicUrl,
                  "URL users reach the server at; https:// makes cookies Secure")
      ->envname("TESSERA_PUBLIC_URL");
  command.add_option("--max-body-bytes", config.maxBodyBytes, "Largest accepted request body")
      ->envname("TESSERA_MAX_BODY_BYTES")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30))
      ->capture_default_str();
  addBounded(command, "--threads", config.threads, "TESSERA_THREADS",
             "I/O threads, which never wait on the database (0: one per core)", 0, 256);
  addBounded(command, "--read-threads", config.readThreads, "TESSERA_READ_THREADS",
             "Threads that serve the requests that read the database (0: 2 per core on "
             "SQLite, 4 per core on PostgreSQL)",
             0, 1024);
  command
      .add_option("--write-threads", config.writeThreads,
                  "Threads that serve the requests that may write (all but GET and HEAD), so "
                  "that many writes share a commit; 0: the read threads serve them (default: "
                  "16 on SQLite, one per core on PostgreSQL)")
      ->envname("TESSERA_WRITE_THREADS")
      ->check(CLI::Range(0u, 1024u));
  addBounded(command, "--max-queued-requests", config.maxQueuedRequests,
             "TESSERA_MAX_QUEUED_REQUESTS",
             "Requests that may wait for a read or a write thread (each); one more is answered "
             "503 overloaded with Retry-After",
             1, 1u << 20);
  addBounded(command, "--request-timeout-seconds", config.requestTimeoutSeconds,
             "TESSERA_REQUEST_TIMEOUT_SECONDS",
             "Time allowed to receive one request (headers and body)", 1, 3600);
  addBounded(command, "--idle-timeout-seconds", config.idleTimeoutSeconds,
             "TESSERA_IDLE_TIMEOUT_SECONDS",
             "How long a keep-alive connection may wait for its next request", 1, 3600);
  addBounded(command, "--shutdown-timeout-seconds", config.shutdownTimeoutSeconds,
             "TESSERA_SHUTDOWN_TIMEOUT_SECONDS",
             "On SIGINT/SIGTERM, how long requests in flight may take to finish", 1, 3600);
  addBounded(command, "--drain-delay-seconds", config.drainDelaySeconds,
             "TESSERA_DRAIN_DELAY_SECONDS",
             "On SIGINT/SIGTERM, how long to keep serving with /readyz at 503 before the "
             "listener closes, so a load balancer stops sending first",
             0, 3600);
  addBounded(command, "--session-idle-hours", config.sessionIdleHours, "TESSERA_SESSION_IDLE_HOURS",
             "A browser session ends after this long without use", 1, 24 * 366);
  addBounded(command, "--session-lifetime-hours", config.sessionLifetimeHours,
             "TESSERA_SESSION_LIFETIME_HOURS",
             "A browser session ends this long after sign-in, used or not", 1, 24 * 366);
  addSwitch(command, "--disable-signup", config.disableSignup, "TESSERA_DISABLE_SIGNUP",
            "Refuse sign-ups (the first user can always sign up)");
  addBounded(command, "--signin-failures-per-account", config.signinFailuresPerAccount,
             "TESSERA_SIGNIN_FAILURES_PER_ACCOUNT",
             "Failed sign-ins allowed per account within the window", 1, 100000);
  addBounded(command, "--signin-failures-per-ip", config.signinFailuresPerIp,
             "TESSERA_SIGNIN_FAILURES_PER_IP",
             "Failed sign-ins allowed per client IP within the window", 1, 100000);
  addBounded(command, "--signin-window-seconds", config.signinWindowSeconds,
             "TESSERA_SIGNIN_WINDOW_SECONDS", "The sliding window of the sign-in limits", 1, 86400);
  addBounded(command, "--max-token-lifetime-days", config.maxTokenLifetimeDays,
             "TESSERA_MAX_TOKEN_LIFETIME_DAYS",
             "Longest lifetime a personal access token may be given", 1, 3660);
  addBounded(command, "--last-used-flush-seconds", config.lastUsedFlushSeconds,
             "TESSERA_LAST_USED_FLUSH_SECONDS",
             "How often token last-use times and buffered audit events are written", 1, 60);
  addBounded(command, "--bad-tokens-per-minute", config.badTokensPerMinute,
             "TESSERA_BAD_TOKENS_PER_MINUTE",
             "Failed token authentications allowed per client address and minute (then 429)", 1,
             1000000);
  addBounded(command, "--leak-reports-per-minute", config.leakReportsPerMinute,
             "TESSERA_LEAK_REPORTS_PER_MINUTE",
             "Leaked-token reports accepted per client IP and minute", 1, 100000);
  addBounded(
      command, "--trash-retention-days", config.trashRetentionDays, "TESSERA_TRASH_RETENTION_DAYS",
      "How long deleted fields and views can be restored (0: purged at the next flush)", 0, 3660);
  addSwitch(command, "--allow-non-expiring-tokens", config.allowNonExpiringTokens,
            "TESSERA_ALLOW_NON_EXPIRING_TOKENS",
            "Let users create personal access tokens that never expire");
  addSwitch(command, "--disable-oauth-registration", config.disableOAuthRegistration,
            "TESSERA_DISABLE_OAUTH_REGISTRATION",
            "Refuse OAuth Dynamic Client Registration (POST /oauth/register); apps then "
            "identify themselves with a client metadata document");
  addBounded(command, "--oauth-registrations-per-minute", config.oauthRegistrationsPerMinute,
             "TESSERA_OAUTH_REGISTRATIONS_PER_MINUTE",
             "OAuth client registrations accepted per client address and minute (then 429)", 1,
             100000);
  addSwitch(command, "--oauth-allowed-clients-only", config.oauthAllowedClientsOnly,
            "TESSERA_OAUTH_ALLOWED_CLIENTS_ONLY",
            "Let users connect only the OAuth clients an instance admin allowed "
            "(Administration › Apps)");
  addSwitch(command, "--oauth-allow-loopback-clients", config.oauthAllowLoopbackClients,
            "TESSERA_OAUTH_ALLOW_LOOPBACK_CLIENTS",
            "Fetch OAuth client metadata documents from the loopback address, plain http "
            "included (for tests and development; never in production)");
  command
      .add_option("--oauth-fetch-ca-file", config.oauthFetchCaFile,
                  "PEM certificates to trust, instead of the system's, when fetching OAuth "
                  "client metadata documents")
      ->envname("TESSERA_OAUTH_FETCH_CA_FILE")
      ->check(CLI::ExistingFile);
  command.add_option("--log-level", config.logLevel, "trace, debug, info, warn, error")
      ->envname("TESSERA_LOG_LEVEL")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
      ->capture_default_str();
  command
      .add_option("--trusted-proxies", config.trustedProxies,
                  "Reverse proxies (addresses or CIDR networks, comma-separated) whose "
                  "X-Forwarded-For is believed for the client address")
      ->envname("TESSERA_TRUSTED_PROXIES");
  command
      .add_option("--tls-cert", config.tlsCertFile,
                  "Serve HTTPS with this PEM certificate chain (reloaded on SIGHUP)")
      ->envname("TESSERA_TLS_CERT");
  command
      .add_option("--tls-key", config.tlsKeyFile,
                  "The PEM private key of --tls-cert (reloaded on SIGHUP)")
      ->envname("TESSERA_TLS_KEY");
  command
      .add_option("--smtp-url", config.smtpUrl,
                  "Send e-mail (password reset links) through this server: smtp://HOST:PORT "
                  "(STARTTLS when offered) or smtps://HOST:PORT")
      ->envname("TESSERA_SMTP_URL");
  command.add_option("--smtp-from", config.smtpFrom, "The sender address of Tessera's e-mails")
      ->envname("TESSERA_SMTP_FROM");
  command
      .add_option("--smtp-user", config.smtpUser,
                  "User name at the mail server; its password is read from "
                  "TESSERA_SMTP_PASSWORD")
      ->envname("TESSERA_SMTP_USER");
  command
      .add_option("--ready-file", config.readyFile,
                  "Write the bound address (HOST:PORT) to this file once listening")
      ->envname("TESSERA_READY_FILE");
}

void validate(const Config& config) {
  const std::size_t colon = config.listen.rfind(':');
  if (colon == std::string::npos || colon + 1 == config.listen.size()) {
    throw std::invalid_argument("--listen must be HOST:PORT, got '" + config.listen + "'");
  }
  const std::string port = config.listen.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
      std::stoul(port) > 65535) {
    throw std::invalid_argument("--listen has an invalid port: '" + port + "'");
  }
  if (!config.publicUrl.empty()) {
    auto url = boost::urls::parse_absolute_uri(config.publicUrl);
    if (!url || (url->scheme() != "http" && url->scheme() != "https")) {
      throw std::invalid_argument("--public-url must be an http:// or https:// URL");
    }
  }
  if (config.sessionIdleHours > config.sessionLifetimeHours) {
    throw std::invalid_argument("--session-idle-hours must not exceed --session-lifetime-hours");
  }
  if (config.tlsCertFile.empty() != config.tlsKeyFile.empty()) {
    throw std::invalid_argument("--tls-cert and --tls-key go together: give both or neither");
  }
  if (!config.smtpUrl.empty()) {
    auto url = boost::urls::parse_absolute_uri(config.smtpUrl);
    if (!url || (url->scheme() != "smtp" && url->scheme() != "smtps") || !url->has_authority() ||
        url->host().empty()) {
      throw std::invalid_argument("--smtp-url must be smtp://HOST:PORT or smtps://HOST:PORT");
    }
    if (url->has_userinfo()) {
      throw std::invalid_argument(
          "--smtp-url must not hold credentials: give --smtp-user, and the password in "
          "TESSERA_SMTP_PASSWORD");
    }
    if (config.smtpFrom.find('@') == std::string::npos ||
        config.smtpFrom.find_first_of("\r\n") != std::string::npos) {
      throw std::invalid_argument("--smtp-url needs --smtp-from, the sender's e-mail address");
    }
  }
  parseDatabaseUrl(config.database, config.dataDir);
  http::TrustedProxies{config.trustedProxies};  // throws for a bad entry
}

std::string describe(const Config& config) {
  const DatabaseUrl database = parseDatabaseUrl(config.database, config.dataDir);
  std::string text;
  const auto line = [&text](std::string_view key, const std::string& value) {
    text.append("  ").append(key).append(" = ").append(value).append("\n");
  };
  line("listen", config.listen);
  line("public-url", config.effectivePublicUrl());
  line("smtp", config.smtpUrl.empty()
                   ? "off (no e-mail is sent)"
                   : config.smtpUrl + " from " + config.smtpFrom +
                         (config.smtpUser.empty() ? "" : " as " + config.smtpUser));
  line("database", database.backend == DatabaseUrl::Backend::Sqlite
                       ? "sqlite:" + database.location
                       : maskDatabaseUrl(database.location));
  line("threads", std::to_string(config.effectiveThreads()));
  line("read-threads", std::to_string(config.effectiveReadThreads()));
  line("write-threads", std::to_string(config.effectiveWriteThreads()));
  line("max-queued-requests", std::to_string(config.maxQueuedRequests));
  line("max-body-bytes", std::to_string(config.maxBodyBytes));
  line("request-timeout-seconds", std::to_string(config.requestTimeoutSeconds));
  line("idle-timeout-seconds", std::to_string(config.idleTimeoutSeconds));
  line("shutdown-timeout-seconds", std::to_string(config.shutdownTimeoutSeconds));
  line("drain-delay-seconds", std::to_string(config.drainDelaySeconds));
  line("session-idle-hours", std::to_string(config.sessionIdleHours));
  line("session-lifetime-hours", std::to_string(config.sessionLifetimeHours));
  line("signup", config.disableSignup ? "disabled" : "open");
  line("signin-failures-per-account", std::to_string(config.signinFailuresPerAccount));
  line("signin-failures-per-ip", std::to_string(config.signinFailuresPerIp));
  line("signin-window-seconds", std::to_string(config.signinWindowSeconds));
  line("max-token-lifetime-days", std::to_string(config.maxTokenLifetimeDays));
  line("last-used-flush-seconds", std::to_string(config.lastUsedFlushSeconds));
  line("bad-tokens-per-minute", std::to_string(config.badTokensPerMinute));
  line("leak-reports-per-minute", std::to_string(config.leakReportsPerMinute));
  line("trash-retention-days", std::to_string(config.trashRetentionDays));
  line("non-expiring-tokens", config.allowNonExpiringTokens ? "allowed" : "refused");
  line("oauth-registration",
       config.disableOAuthRegistration
           ? "disabled"
           : std::to_string(config.oauthRegistrationsPerMinute) + " per address and minute");
  line("oauth-clients",
       config.oauthAllowedClientsOnly ? "allowed by an admin only" : "any not blocked");
  line("oauth-client-documents",
       std::string(config.oauthAllowLoopbackClients ? "public and loopback" : "public") +
           " addresses" +
           (config.oauthFetchCaFile.empty() ? "" : ", trusting " + config.oauthFetchCaFile));
  line("trusted-proxies", config.trustedProxies.empty() ? "none" : config.trustedProxies);
  line("tls", config.tlsCertFile.empty() ? "off" : config.tlsCertFile + " " + config.tlsKeyFile);
  line("log-level", config.logLevel);
  return text;
}

}  // namespace tessera::app
