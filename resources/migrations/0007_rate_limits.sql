-- Sign-in attempts per account and per client address, counted in the database so that every server
-- instance applies the same limit (src/main/services/rate-limits.ts).
CREATE TABLE rate_limit_hits (
  id   bigserial PRIMARY KEY,
  key  text NOT NULL,
  at   timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_key_at ON rate_limit_hits (key, at);
