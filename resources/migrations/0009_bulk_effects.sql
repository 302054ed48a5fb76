-- Beyond one vehicle at a time: bulk SIM jobs, acknowledgements of receipt on the case, dated effects.

-- 1. A bulk SIM job: an uploaded file's rows, run in main (or by one server instance) under a lease, as
-- ordinary SIM commands (origin 'bulk'). The job is the authorisation its commands rest on.
CREATE TABLE bulk_jobs (
  id               text PRIMARY KEY,
  created_by       text NOT NULL REFERENCES agents(id),
  created_by_name  text NOT NULL,
  file_name        text,
  status           text NOT NULL CHECK (status IN ('running', 'paused', 'cancelled', 'done')),
  created_at       timestamptz NOT NULL,
  finished_at      timestamptz,
  total            integer NOT NULL CHECK (total >= 0),
  -- what the agent confirmed, and under which role and scope: recorded as every command's verification
  authorisation    jsonb NOT NULL,
  lease_owner      text,
  lease_until      timestamptz
);
CREATE INDEX bulk_jobs_active ON bulk_jobs (lease_until) WHERE status = 'running';

CREATE TABLE bulk_job_rows (
  job_id           text NOT NULL REFERENCES bulk_jobs(id),
  line             integer NOT NULL,
  vin              text NOT NULL,
  action           text NOT NULL,
  reason           text,
  -- each row is its own command with its own key: a row run twice (a take-over) is applied once
  idempotency_key  text NOT NULL,
  -- the target state the preview showed; a vehicle whose assessment changed since is refused
  expected_target  text,
  status           text NOT NULL CHECK (status IN ('queued', 'skipped', 'sent', 'refused', 'cancelled')),
  problem          text,
  problem_params   jsonb,
  command_id       text REFERENCES sim_commands(id),
  processed_at     timestamptz,
  PRIMARY KEY (job_id, line)
);
CREATE INDEX bulk_job_rows_queued ON bulk_job_rows (job_id, line) WHERE status = 'queued';

-- 2. A DK/SE termination is pending while its date has not come (status 'active', termination_effective_on
-- set) and takes effect on that date: main (or one server instance) sets 'terminated' then, once, and audits
-- it (src/main/services/dated-effects.ts). Earlier versions wrote 'terminated' at the request already.
UPDATE contracts SET status = 'active'
  WHERE status = 'terminated' AND termination_effective_on IS NOT NULL AND termination_effective_on > CURRENT_DATE;
CREATE INDEX contracts_termination_due ON contracts (termination_effective_on) WHERE status = 'active' AND termination_effective_on IS NOT NULL;

-- 3. Work that exactly one process does at a time (applying dated effects): a named lease, taken when free
-- or run out, renewed by its holder (src/main/db/leases.ts).
CREATE TABLE leases (
  name   text PRIMARY KEY,
  owner  text NOT NULL,
  until  timestamptz NOT NULL
);
