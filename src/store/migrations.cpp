#include "store/migrations.h"

#include "common/clock.h"
#include "store/store_error.h"

namespace tessera::store {

const std::vector<Migration>& allMigrations() {
  static const std::vector<Migration> migrations = {
      {1, "accounts, spaces, bases and members", R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE TABLE browser_sessions (
  secret_hash TEXT PRIMARY KEY,
  csrf_hash TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX browser_sessions_user ON browser_sessions(user_id);
CREATE TABLE spaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE bases (
  id TEXT PRIMARY KEY,
  space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX bases_space ON bases(space_id);
CREATE TABLE space_members (
  space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX space_members_user ON space_members(user_id);
CREATE TABLE base_members (
  base_id TEXT NOT NULL REFERENCES bases(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (base_id, user_id)
);
CREATE INDEX base_members_user ON base_members(user_id);
)sql"},
      {2, "tables, fields and views", R"sql(
CREATE TABLE tables_meta (
  id TEXT PRIMARY KEY,
  base_id TEXT NOT NULL REFERENCES bases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  description TEXT NOT NULL,
  position BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (base_id, name_key)
);
CREATE TABLE fields_meta (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES tables_meta(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  description TEXT NOT NULL,
  type TEXT NOT NULL,
  options TEXT NOT NULL,
  is_primary INTEGER NOT NULL,
  position BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (table_id, name_key)
);
CREATE TABLE views_meta (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES tables_meta(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  type TEXT NOT NULL,
  definition TEXT NOT NULL,
  position BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (table_id, name_key)
);
)sql"},
      {3, "personal access tokens and the audit log", R"sql(
CREATE TABLE access_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  scopes TEXT NOT NULL,
  space_ids TEXT NOT NULL,
  base_ids TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  lifetime_ms BIGINT,
  expires_at BIGINT,
  last_used_at BIGINT,
  last_used_ip TEXT,
  revoked_at BIGINT
);
CREATE INDEX access_tokens_user ON access_tokens(user_id);
CREATE TABLE access_token_retired_secrets (
  secret_hash TEXT PRIMARY KEY,
  token_id TEXT NOT NULL REFERENCES access_tokens(id) ON DELETE CASCADE,
  retired_at BIGINT NOT NULL
);
CREATE TABLE audit_events (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  event TEXT NOT NULL,
  user_id TEXT,
  token_id TEXT,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_events_token ON audit_events(token_id, at);
CREATE INDEX audit_events_user ON audit_events(user_id, at);
)sql"},
      {4, "disabled users", R"sql(
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
)sql"},
      {5, "table schema versions", R"sql(
ALTER TABLE tables_meta ADD COLUMN schema_version BIGINT NOT NULL DEFAULT 0;
)sql"},
      {6, "invitations", R"sql(
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  space_id TEXT REFERENCES spaces(id) ON DELETE CASCADE,
  base_id TEXT REFERENCES bases(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  email TEXT,
  email_key TEXT,
  secret_hash TEXT UNIQUE,
  invited_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  use_count BIGINT NOT NULL DEFAULT 0,
  last_used_at BIGINT
);
CREATE INDEX invitations_space ON invitations(space_id);
CREATE INDEX invitations_base ON invitations(base_id);
CREATE INDEX invitations_email ON invitations(email_key);
)sql"},
      {7, "password reset links", R"sql(
CREATE TABLE password_resets (
  secret_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX password_resets_user ON password_resets(user_id);
)sql"},
      {8, "deleted fields and views kept for undo", R"sql(
ALTER TABLE fields_meta ADD COLUMN deleted_at BIGINT;
ALTER TABLE views_meta ADD COLUMN deleted_at BIGINT;
CREATE INDEX fields_meta_deleted ON fields_meta(deleted_at);
CREATE INDEX views_meta_deleted ON views_meta(deleted_at);
)sql"},
      // The arithmetic of compiled formulas (features/formula/formula_sql.h)
      // without the errors PostgreSQL raises on overflow, underflow and
      // undefined powers: such results are NULL (or 0 for an underflow), as
      // store/sqlite/formula_helpers.h makes them on SQLite.
      {9, "formula arithmetic", "", R"sql(
CREATE OR REPLACE FUNCTION tessera_num(x DOUBLE PRECISION) RETURNS DOUBLE PRECISION
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN abs(x) > 1e308::float8 THEN NULL
              WHEN abs(x) < 1e-300::float8 THEN 0::float8 ELSE x END
$$;
CREATE OR REPLACE FUNCTION tessera_date(x DOUBLE PRECISION) RETURNS BIGINT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN x >= -62135596800000::float8 AND x <= 253402300799999::float8
              THEN CAST(floor(x) AS BIGINT) END
$$;
CREATE OR REPLACE FUNCTION tessera_add(a DOUBLE PRECISION, b DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN abs(a) <= 1.7e308::float8 - abs(b) OR sign(a) <> sign(b)
              THEN tessera_num(a + b) END
$$;
CREATE OR REPLACE FUNCTION tessera_mul(a DOUBLE PRECISION, b DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
              WHEN a = 0 OR b = 0 THEN 0::float8
              WHEN abs(a) > 1 AND abs(b) > 1e308::float8 / abs(a) THEN NULL
              WHEN abs(a) < 1 AND abs(b) < 1e-300::float8 / abs(a) THEN 0::float8
              ELSE tessera_num(a * b) END
$$;
CREATE OR REPLACE FUNCTION tessera_div(a DOUBLE PRECISION, b DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL OR b = 0 THEN NULL
              WHEN a = 0 THEN 0::float8
              WHEN abs(b) < 1 AND abs(a) > 1e308::float8 * abs(b) THEN NULL
              WHEN abs(b) > 1 AND abs(a) < 1e-300::float8 * abs(b) THEN 0::float8
              ELSE tessera_num(a / b) END
$$;
CREATE OR REPLACE FUNCTION tessera_pow(a DOUBLE PRECISION, b DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
              WHEN b = 0 THEN 1::float8
              WHEN a = 0 THEN CASE WHEN b > 0 THEN 0::float8 END
              WHEN a < 0 AND b <> trunc(b) THEN NULL
              WHEN abs(a) = 1 OR abs(b) < 1e-300::float8 THEN tessera_num(power(a, b))
              WHEN abs(b) > 1e300::float8 THEN
                CASE WHEN (b > 0) = (abs(a) > 1) THEN NULL ELSE 0::float8 END
              WHEN b * ln(abs(a)) > 709.78 THEN NULL
              WHEN b * ln(abs(a)) < -700 THEN 0::float8
              ELSE tessera_num(power(a, b)) END
$$;
)sql"},
      // Link fields: the table each links to, and the junction table that
      // holds its pairs (l_<link_junction>), for what must follow a table's
      // or a field's deletion.
      {10, "link fields", R"sql(
ALTER TABLE fields_meta ADD COLUMN linked_table_id TEXT;
ALTER TABLE fields_meta ADD COLUMN link_junction TEXT;
CREATE INDEX fields_meta_linked_table ON fields_meta(linked_table_id);
CREATE INDEX fields_meta_link_junction ON fields_meta(link_junction);
)sql"},
      // The form materialised columns were last filled in: a build that
      // stores them otherwise refills them at start-up
      // (features/fields/materialised_format.h).
      {11, "materialised format", R"sql(
CREATE TABLE materialised_format (version INTEGER NOT NULL);
INSERT INTO materialised_format (version) VALUES (0);
)sql"},
      // VALUE() in formulas: the number a text writes, NULL for one that
      // writes none or that a double cannot hold (which CAST would raise
      // an error for), as store/sqlite/formula_helpers.h reads it.
      {12, "formula VALUE", "", R"sql(
CREATE OR REPLACE FUNCTION tessera_value(x TEXT) RETURNS DOUBLE PRECISION
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  s TEXT := replace(btrim(x, E' \t\n\r'), ',', '');
BEGIN
  IF s IS NULL OR s !~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN
    RETURN NULL;
  END IF;
  RETURN tessera_num(CAST(s AS DOUBLE PRECISION));
EXCEPTION WHEN numeric_value_out_of_range THEN
  RETURN NULL;
END
$$;
)sql"},
      {13, "OAuth clients, grants and tokens", R"sql(
CREATE TABLE oauth_clients (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  logo_uri TEXT,
  client_uri TEXT,
  redirect_uris TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  fetched_at BIGINT,
  blocked_at BIGINT
);
CREATE TABLE oauth_grants (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL REFERENCES oauth_clients(id) ON DELETE CASCADE,
  scopes TEXT NOT NULL,
  space_ids TEXT NOT NULL,
  base_ids TEXT NOT NULL,
  resources TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  last_used_at BIGINT,
  last_used_ip TEXT,
  revoked_at BIGINT,
  revoked_reason TEXT
);
CREATE INDEX oauth_grants_user ON oauth_grants(user_id);
CREATE TABLE oauth_tokens (
  id TEXT PRIMARY KEY,
  grant_id TEXT NOT NULL REFERENCES oauth_grants(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX oauth_tokens_grant ON oauth_tokens(grant_id);
CREATE TABLE oauth_codes (
  code_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES oauth_clients(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  redirect_uri TEXT NOT NULL,
  code_challenge TEXT NOT NULL,
  scopes TEXT NOT NULL,
  space_ids TEXT NOT NULL,
  base_ids TEXT NOT NULL,
  resources TEXT NOT NULL,
  grant_expires_at BIGINT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  grant_id TEXT
);
)sql"},
      {14, "OAuth client logos and allowed clients", R"sql(
ALTER TABLE oauth_clients ADD COLUMN logo_data TEXT;
ALTER TABLE oauth_clients ADD COLUMN allowed_at BIGINT;
CREATE INDEX oauth_grants_client ON oauth_grants(client_id);
)sql"},
      // Database::writeGeneration on PostgreSQL: every node's caches of
      // tokens, accounts and roles hold only while this row has not moved.
      // A row trigger on each table a cache may read moves it, once per
      // transaction, unless the change is only to columns written on every
      // use (given as the trigger's arguments). A table added later that a
      // cache reads gets the trigger too (CacheGenerationTest checks).
      {15, "cache generation on PostgreSQL", "", R"sql(
CREATE TABLE cache_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL,
  last_transaction BIGINT
);
INSERT INTO cache_generation (id, value) VALUES (1, 1);
CREATE FUNCTION tessera_cache_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(OLD) - TG_ARGV = to_jsonb(NEW) - TG_ARGV THEN
    RETURN NULL;
  END IF;
  UPDATE cache_generation SET value = value + 1, last_transaction = txid_current()
    WHERE id = 1 AND last_transaction IS DISTINCT FROM txid_current();
  RETURN NULL;
END $$;
-- Every column counts on these; on the ones below, last-use columns do not.
DO $$
DECLARE
  covered text;
BEGIN
  FOREACH covered IN ARRAY ARRAY['users', 'password_resets', 'spaces', 'space_members', 'bases',
                                 'base_members', 'tables_meta', 'access_token_retired_secrets',
                                 'oauth_clients', 'oauth_tokens', 'oauth_codes'] LOOP
    EXECUTE format('CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON %I'
                   ' FOR EACH ROW EXECUTE FUNCTION tessera_cache_changed()', covered);
  END LOOP;
END $$;
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON browser_sessions
  FOR EACH ROW EXECUTE FUNCTION tessera_cache_changed('last_seen_at');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON invitations
  FOR EACH ROW EXECUTE FUNCTION tessera_cache_changed('use_count', 'last_used_at');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON access_tokens
  FOR EACH ROW EXECUTE FUNCTION tessera_cache_changed('last_used_at', 'last_used_ip');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON oauth_grants
  FOR EACH ROW EXECUTE FUNCTION tessera_cache_changed('last_used_at', 'last_used_ip');
)sql"},
      // Record numbers on PostgreSQL come from a sequence per user table
      // (features/schema/user_table_store.h). The function also serves
      // `tessera migrate --copy-to`, after it copies the records.
      {16, "record number sequences on PostgreSQL", "", R"sql(
CREATE FUNCTION tessera_sync_record_sequences() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT id FROM tables_meta LOOP
    IF to_regclass(quote_ident('t_' || t.id)) IS NOT NULL THEN
      EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', 's_' || t.id);
      EXECUTE format('SELECT setval(%L, (SELECT COALESCE(MAX(__seq), 0) + 1 FROM %I), false)',
                     quote_ident('s_' || t.id), 't_' || t.id);
    END IF;
  END LOOP;
END $$;
SELECT tessera_sync_record_sequences();
)sql"},
  };
  return migrations;
}

int migrate(Database& database, const std::vector<Migration>& migrations) {
  database.write([](Session& session) {
    session.executeScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  });
  const std::int64_t current = database.read([](Session& session) {
    Rows rows = session.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return rows.at(0).integer(0);
  });
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest) {
    throw StoreError(StoreError::Kind::Other, "the database is at schema version " +
                                                  std::to_string(current) +
                                                  " but this Tessera knows only up to " +
                                                  std::to_string(newest) + "; run a newer Tessera");
  }
  int applied = 0;
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    database.write([&](Session& session) {
      if (!migration.sql.empty()) session.executeScript(migration.sql);
      if (!migration.postgresSql.empty() && session.dialect() == SqlDialect::Postgres) {
        session.executeScript(migration.postgresSql);
      }
      session.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                      {std::int64_t{migration.version}, migration.name, nowMillis()});
    });
    ++applied;
  }
  return applied;
}

}  // namespace tessera::store
