-- Agents (who may act), caller checks (for whom), the audit trail (what was done) and settings.

CREATE TABLE agents (
  id               text PRIMARY KEY,
  username         text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 64),
  display_name     text NOT NULL,
  role             text NOT NULL CHECK (role IN ('dealer', 'hotline', 'supervisor')),
  dealer_number    text,
  password_hash    text NOT NULL,
  failed_sign_ins  integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  demo             boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text,
  CONSTRAINT dealer_has_number CHECK (role <> 'dealer' OR dealer_number IS NOT NULL)
);

-- Append-only: the app inserts and reads; the database refuses updates, deletes and truncation, so
-- not even a bug in the app can rewrite history.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  agent_id      text,
  agent_name    text,
  role          text,
  action        text NOT NULL,
  vin           text,
  case_id       text,
  outcome       text NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed', 'denied', 'error')),
  reason        text,
  verification  jsonb,
  details       jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_vin ON audit_log (vin);
CREATE INDEX audit_log_action ON audit_log (action);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- How the person in front of the agent was identified (RULES.md §8, D11): hotline verification of a
-- caller, or the identity document a dealer checked. Valid for the call, per session and vehicle.
CREATE TABLE caller_checks (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  vin         text NOT NULL,
  agent_id    text NOT NULL REFERENCES agents(id),
  session_id  text NOT NULL,
  method      text NOT NULL CHECK (method IN ('caller-verification', 'identity-document')),
  passed      boolean NOT NULL,
  details     jsonb NOT NULL
);
CREATE INDEX caller_checks_vin_at ON caller_checks (vin, at);

CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_by  text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
