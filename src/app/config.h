// The settings of `tessera serve` (and of the commands that open the
// database), each a command-line flag with an environment variable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace tessera::app {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string dataDir = "./data";
  std::string database;               // empty: SQLite file in dataDir
  std::string publicUrl;              // empty: http://<listen>
  unsigned threads = 0;               // 0: one per core
  unsigned readThreads = 0;           // 0: 2 per core on SQLite, 4 per core on PostgreSQL
  unsigned maxQueuedRequests = 1024;  // per pool, waiting for a thread
  // nullopt: 16 on SQLite, one per core on PostgreSQL (effectiveWriteThreads).
  std::optional<unsigned> writeThreads;
  std::size_t maxBodyBytes = 10 * 1024 * 1024;
  unsigned requestTimeoutSeconds = 30;
  unsigned idleTimeoutSeconds = 75;
  unsigned shutdownTimeoutSeconds = 30;
  unsigned drainDelaySeconds = 0;
  unsigned sessionIdleHours = 24 * 7;
  unsigned sessionLifetimeHours = 24 * 30;
  bool disableSignup = false;
  unsigned signinFailuresPerAccount = 5;
  unsigned signinFailuresPerIp = 30;
  unsigned signinWindowSeconds = 15 * 60;
  unsigned maxTokenLifetimeDays = 366;
  unsigned lastUsedFlushSeconds = 30;
  unsigned leakReportsPerMinute = 10;
  unsigned trashRetentionDays = 7;
  unsigned badTokensPerMinute = 100;
  bool allowNonExpiringTokens = false;
  bool disableOAuthRegistration = false;      // refuse Dynamic Client Registration
  unsigned oauthRegistrationsPerMinute = 10;  // per client address
  bool oauthAllowedClientsOnly = false;       // consent only for clients an admin allowed
  bool oauthAllowLoopbackClients = false;     // tests and development only
  std::string oauthFetchCaFile;               // empty: the system's certificates
  std::string logLevel = "info";
  std::string readyFile;
  std::string trustedProxies;  // comma-separated addresses or networks
  std::string tlsCertFile;     // PEM chain; with tlsKeyFile, serve HTTPS
  std::string tlsKeyFile;
  std::string smtpUrl;   // empty: Tessera sends no e-mail
  std::string smtpFrom;  // the sender address of its e-mails
  std::string smtpUser;  // the password comes from TESSERA_SMTP_PASSWORD only

  std::string host() const;
  std::uint16_t port() const;
  // --public-url, or the URL of the configured listening address.
  std::string effectivePublicUrl() const;
  // --public-url, or the URL of `address` (host:port as bound).
  std::string effectivePublicUrl(const std::string& address) const;
  bool usesPostgres() const;
  unsigned effectiveThreads() const;
  // Threads for the requests the I/O threads do not answer at once.
  unsigned effectiveReadThreads() const;
  // Threads for the requests that may write; 0: the read pool serves them.
  unsigned effectiveWriteThreads() const;
};

// Options that locate the database (used by every command).
void addDatabaseOptions(CLI::App& command, Config& config);
// Every option of `tessera serve`.
void addServeOptions(CLI::App& command, Config& config);

// Throws std::invalid_argument when settings contradict each other or a
// value is malformed (e.g. --listen without a port).
void validate(const Config& config);

// A multi-line description for the start-up log, secrets masked.
std::string describe(const Config& config);

}  // namespace tessera::app
