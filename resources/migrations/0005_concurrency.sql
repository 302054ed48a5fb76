-- Every decision holds with several writers (two windows, two processes, several server instances).

-- 1. Revisions become visible in order. A reader that took "everything up to the current revision" could
-- pass a revision whose transaction commits later and never deliver it. Writers now take revisions under a
-- transaction-level advisory lock held until commit, and readers read the head under the shared form of the
-- same lock (src/main/services/vehicles.ts): every revision at or below the head a reader sees is committed.
-- The key is LOCKS.revision in src/main/db/sql-locks.ts.
-- Each such transaction also notifies 'mini_sync' (delivered once, at commit; nothing if it rolls back):
-- every process on the database pushes "changed" to its clients (src/main/backend.ts).
CREATE FUNCTION next_sync_rev() RETURNS bigint AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7301004);
  PERFORM pg_notify('mini_sync', '');
  RETURN nextval('sync_rev');
END $$ LANGUAGE plpgsql;

-- Bulk loads of a fresh fleet (src/main/db/seed.ts) assign revisions themselves and skip the per-row
-- triggers with a setting of their own transaction; `session_replication_role` would need a superuser.
CREATE FUNCTION bulk_loading() RETURNS boolean AS $$
  SELECT coalesce(current_setting('mini.bulk_load', true), '') = 'on'
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION bump_vehicle_rev() RETURNS trigger AS $$
BEGIN
  IF bulk_loading() THEN RETURN NEW; END IF;
  NEW.rev := next_sync_rev();
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION touch_vehicle_of_row() RETURNS trigger AS $$
BEGIN
  IF bulk_loading() THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN
    UPDATE vehicles SET rev = 0 WHERE vin = OLD.vin;
  ELSE
    UPDATE vehicles SET rev = 0 WHERE vin = NEW.vin;
    IF TG_OP = 'UPDATE' AND OLD.vin IS DISTINCT FROM NEW.vin THEN
      UPDATE vehicles SET rev = 0 WHERE vin = OLD.vin;
    END IF;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION touch_vehicles_of_customer() RETURNS trigger AS $$
BEGIN
  IF bulk_loading() THEN RETURN NULL; END IF;
  UPDATE vehicles SET rev = 0 WHERE customer_id = NEW.id;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION vehicle_tombstone() RETURNS trigger AS $$
BEGIN
  INSERT INTO tombstones (vin, rev) VALUES (OLD.vin, next_sync_rev())
    ON CONFLICT (vin) DO UPDATE SET rev = EXCLUDED.rev;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION vehicle_untombstone() RETURNS trigger AS $$
BEGIN
  IF bulk_loading() THEN RETURN NULL; END IF;
  DELETE FROM tombstones WHERE vin = NEW.vin;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

-- 2. The legal-eCall constraint recognises exactly what the rules module recognises
-- (src/shared/rules/ecall.ts, optionCodeVariants): option codes are stored trimmed and upper-case and may
-- only hold ASCII letters, digits and '/', so that PostgreSQL's upper/btrim and JavaScript's agree; a code
-- is legal-eCall evidence when it, any '/'-separated part of it, or that part without an 'S' or 'SA'
-- prefix is 6AF, 6FP or 6UM.
CREATE FUNCTION legal_ecall_equipment(equipment text[]) RETURNS boolean AS $$
  SELECT EXISTS (
    SELECT 1
    FROM unnest(coalesce(equipment, '{}'::text[])) AS printed,
         unnest(string_to_array(upper(printed), '/')) AS raw_part,
         btrim(raw_part) AS part
    WHERE part IN ('6AF', '6FP', '6UM')
       OR substring(part FROM '^SA?([0-9A-Z]{3})$') IN ('6AF', '6FP', '6UM')
  )
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION option_codes_are_normal(equipment text[]) RETURNS boolean AS $$
  SELECT NOT EXISTS (
    SELECT 1 FROM unnest(coalesce(equipment, '{}'::text[])) AS code WHERE code !~ '^[0-9A-Z]+(/[0-9A-Z]+)*$'
  )
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION normalise_option_codes() RETURNS trigger AS $$
BEGIN
  NEW.equipment := ARRAY(
    SELECT array_to_string(ARRAY(SELECT btrim(p) FROM unnest(string_to_array(upper(btrim(code)), '/')) AS p), '/')
    FROM unnest(coalesce(NEW.equipment, '{}'::text[])) WITH ORDINALITY AS e(code, n)
    WHERE btrim(code) <> ''
    ORDER BY n);
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER vehicles_normalise_option_codes BEFORE INSERT OR UPDATE OF equipment ON vehicles
  FOR EACH ROW EXECUTE FUNCTION normalise_option_codes();

UPDATE vehicles SET equipment = equipment;

ALTER TABLE vehicles DROP CONSTRAINT legal_ecall_never_deactivated;
ALTER TABLE vehicles ADD CONSTRAINT legal_ecall_never_deactivated CHECK (
  NOT (sim_state = 'DEACTIVATED' AND (
    coalesce(eu_ecall, false) OR coalesce(legal_map_data, false) OR legal_ecall_equipment(equipment)
  ))
);
ALTER TABLE vehicles ADD CONSTRAINT option_codes_normal CHECK (option_codes_are_normal(equipment));

-- 3. Idempotency keys belong to an agent and a method, and remember what was asked: the same key with
-- another request is refused instead of answered with someone else's result.
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD COLUMN request_hash text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys ADD PRIMARY KEY (agent_id, method, key);

-- 4. Sessions live in the database, so that every process (and every server instance) sees the same ones;
-- only a hash of the token is kept.
CREATE TABLE sessions (
  token_hash      text PRIMARY KEY,
  agent_id        text NOT NULL REFERENCES agents(id),
  created_at      timestamptz NOT NULL,
  last_active_at  timestamptz NOT NULL,
  ended_at        timestamptz,
  ended_reason    text
);
CREATE INDEX sessions_agent ON sessions (agent_id) WHERE ended_at IS NULL;

-- Caller checks are tied to the session that made them, by the same hash.
ALTER TABLE caller_checks RENAME COLUMN session_id TO session_hash;
CREATE INDEX caller_checks_session ON caller_checks (session_hash, vin, at DESC);

-- 5. SIM commands are dispatched under a lease (one process sends a command at a time; another takes it
-- over when the lease runs out), and a command a withdrawal requires is retried by itself until the SIM
-- reaches its target (RULES.md §5 effects): `next_attempt_at` says when.
ALTER TABLE sim_commands
  ADD COLUMN lease_owner text,
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN case_id text REFERENCES withdrawal_cases(id),
  ADD COLUMN origin text NOT NULL DEFAULT 'agent' CHECK (origin IN ('agent', 'withdrawal', 'reconcile', 'bulk'));
CREATE INDEX sim_commands_dispatch ON sim_commands (lease_until) WHERE status = 'pending';

-- 6. A dealer's copy holds only their market (sync filters by it).
CREATE INDEX vehicles_market_rev ON vehicles (market, rev);
