-- wrk script of the soak's attacker: well-formed but unknown tokens from
-- one address (X-Forwarded-For). The designed answers are 401, then 429
-- once the per-address limit on failed authentications is reached.
-- Environment: SOAK_UNKNOWN_TOKEN, SOAK_TABLE, SOAK_RECORD.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SOAK_UNKNOWN_TOKEN")
wrk.headers["X-Forwarded-For"] = "203.0.113.66"
wrk.path = "/api/table/" .. os.getenv("SOAK_TABLE") .. "/record/" .. os.getenv("SOAK_RECORD")
