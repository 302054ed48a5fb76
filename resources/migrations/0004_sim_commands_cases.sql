-- SIM commands (RULES.md §2–§4), withdrawal cases and refunds (§5), and idempotency of commands.

CREATE TABLE sim_commands (
  id                       text PRIMARY KEY,
  vin                      text NOT NULL REFERENCES vehicles(vin),
  action                   text NOT NULL CHECK (action IN ('deactivate', 'reactivate')),
  from_state               text NOT NULL CHECK (from_state IN ('ACTIVE', 'ECALL_ONLY', 'DEACTIVATED')),
  target_state             text NOT NULL CHECK (target_state IN ('ACTIVE', 'ECALL_ONLY', 'DEACTIVATED')),
  status                   text NOT NULL CHECK (status IN ('pending', 'confirmed', 'failed', 'timed-out')),
  requested_at             timestamptz NOT NULL,
  -- the current attempt's deadline: past it without an answer, the attempt has timed out
  deadline_at              timestamptz NOT NULL,
  completed_at             timestamptz,
  attempts                 integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  error                    text,
  agent_id                 text NOT NULL REFERENCES agents(id),
  agent_name               text NOT NULL,
  contract_effect          text NOT NULL CHECK (contract_effect IN ('withdrawal', 'termination', 'none', 'cancel-termination')),
  termination_effective_on date,
  acknowledgement          jsonb,
  reason                   text,
  verification             jsonb NOT NULL,
  assessment               jsonb NOT NULL,
  CONSTRAINT action_matches_target CHECK (
    (action = 'deactivate' AND target_state IN ('ECALL_ONLY', 'DEACTIVATED')) OR (action = 'reactivate' AND target_state = 'ACTIVE')
  )
);
-- One pending command per vehicle (RULES.md §2): the database refuses a second one.
CREATE UNIQUE INDEX sim_commands_one_pending ON sim_commands (vin) WHERE status = 'pending';
CREATE INDEX sim_commands_vin ON sim_commands (vin, requested_at DESC);
CREATE INDEX sim_commands_pending ON sim_commands (status) WHERE status = 'pending';

CREATE TRIGGER sim_commands_touch_vehicle AFTER INSERT OR UPDATE ON sim_commands
  FOR EACH ROW EXECUTE FUNCTION touch_vehicle_of_row();

-- A retried or double-clicked command (same key) is answered with the first result, applied once.
CREATE TABLE idempotency_keys (
  key         text PRIMARY KEY,
  method      text NOT NULL,
  agent_id    text NOT NULL,
  result      jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE SEQUENCE withdrawal_case_seq;

CREATE TABLE withdrawal_cases (
  id                  text PRIMARY KEY,
  vin                 text NOT NULL REFERENCES vehicles(vin),
  subject             text NOT NULL CHECK (subject IN ('connected', 'purchase')),
  purchase_id         text REFERENCES purchases(id),
  contract_kind       text NOT NULL CHECK (contract_kind IN ('connected', 'service-inclusive')),
  source              text NOT NULL CHECK (source IN ('agent', 'sim-deactivation')),
  decision            text NOT NULL CHECK (decision IN ('accepted', 'refused')),
  status              text NOT NULL CHECK (status IN ('refund-due', 'closed', 'refused')),
  notice_channel      text NOT NULL CHECK (notice_channel IN ('email', 'letter', 'phone', 'form', 'sim-request')),
  notice_sent_at      date NOT NULL,
  notice_received_at  date NOT NULL,
  consumers           jsonb NOT NULL,
  address             text NOT NULL,
  start_requested     boolean NOT NULL,
  agent_share         bigint,
  agent_share_reason  text,
  currency            text NOT NULL CHECK (currency IN ('DKK', 'SEK', 'EUR')),
  price               bigint NOT NULL,
  paid                bigint NOT NULL,
  charge              bigint NOT NULL,
  refund              bigint NOT NULL CHECK (refund >= 0),
  refund_due_by       date,
  deadline            date NOT NULL,
  refusal             text,
  assessment          jsonb NOT NULL,
  created_at          timestamptz NOT NULL,
  created_by          text NOT NULL REFERENCES agents(id),
  created_by_name     text NOT NULL,
  closed_at           timestamptz,
  CONSTRAINT purchase_subject CHECK ((subject = 'purchase') = (purchase_id IS NOT NULL))
);
CREATE INDEX withdrawal_cases_vin ON withdrawal_cases (vin);
CREATE INDEX withdrawal_cases_open ON withdrawal_cases (refund_due_by) WHERE status = 'refund-due';

CREATE TABLE refund_payments (
  id            bigserial PRIMARY KEY,
  case_id       text NOT NULL REFERENCES withdrawal_cases(id),
  amount        bigint NOT NULL CHECK (amount > 0),
  paid_on       date NOT NULL,
  method        text NOT NULL CHECK (method IN ('original-means', 'bank-transfer', 'card-refund', 'other')),
  reference     text,
  recorded_by   text NOT NULL REFERENCES agents(id),
  recorded_at   timestamptz NOT NULL
);
CREATE INDEX refund_payments_case ON refund_payments (case_id);

CREATE TRIGGER withdrawal_cases_touch_vehicle AFTER INSERT OR UPDATE ON withdrawal_cases
  FOR EACH ROW EXECUTE FUNCTION touch_vehicle_of_row();

CREATE FUNCTION touch_vehicle_of_case() RETURNS trigger AS $$
BEGIN
  UPDATE vehicles SET rev = 0 WHERE vin = (SELECT vin FROM withdrawal_cases WHERE id = NEW.case_id);
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER refund_payments_touch_vehicle AFTER INSERT ON refund_payments
  FOR EACH ROW EXECUTE FUNCTION touch_vehicle_of_case();

-- The aggregate gains the vehicle's latest SIM command and its withdrawal cases.
CREATE OR REPLACE VIEW vehicle_docs AS
SELECT
  v.vin,
  v.rev,
  json_build_object(
    'vin', v.vin,
    'shortVin', v.short_vin,
    'plate', v.plate,
    'model', v.model,
    'market', v.market,
    'firstRegistration', v.first_registration,
    'handedOverAt', v.handed_over_at,
    'equipment', to_json(v.equipment),
    'euEcall', v.eu_ecall,
    'legalMapData', v.legal_map_data,
    'sim', v.sim_state,
    'dealerNumber', v.dealer_number,
    'rev', v.rev,
    'customer', json_build_object(
      'id', c.id, 'kind', c.kind, 'firstName', c.first_name, 'lastName', c.last_name,
      'companyName', c.company_name, 'street', c.street, 'postcode', c.postcode, 'city', c.city,
      'country', c.country, 'customerNumber', c.customer_number, 'email', c.email, 'phone', c.phone),
    'contract', CASE WHEN k.id IS NULL THEN NULL ELSE json_build_object(
      'id', k.id, 'concludedAt', k.concluded_at, 'customer', k.customer_kind, 'channel', k.channel,
      'status', k.status, 'terminationEffectiveOn', k.termination_effective_on,
      'instructionsGiven', k.instructions_given, 'instructionsReceivedAt', k.instructions_received_at,
      'currency', k.currency, 'price', k.price, 'paid', k.paid) END,
    'purchases', coalesce((
      SELECT json_agg(json_build_object(
        'id', p.id, 'code', p.code, 'name', p.name, 'kind', p.kind, 'purchasedAt', p.purchased_at,
        'channel', p.channel, 'currency', p.currency, 'price', p.price, 'paid', p.paid,
        'termMonths', p.term_months, 'status', p.status) ORDER BY p.purchased_at, p.id)
      FROM purchases p WHERE p.vin = v.vin), '[]'::json),
    'simCommand', (
      SELECT json_build_object(
        'id', s.id, 'vin', s.vin, 'action', s.action, 'fromState', s.from_state, 'targetState', s.target_state,
        'status', s.status, 'requestedAt', s.requested_at, 'completedAt', s.completed_at, 'error', s.error,
        'attempts', s.attempts, 'agentName', s.agent_name, 'contractEffect', s.contract_effect,
        'terminationEffectiveOn', s.termination_effective_on)
      FROM sim_commands s WHERE s.vin = v.vin ORDER BY s.requested_at DESC, s.id DESC LIMIT 1),
    'cases', coalesce((
      SELECT json_agg(json_build_object(
        'id', w.id, 'vin', w.vin, 'subject', w.subject, 'purchaseId', w.purchase_id, 'contractKind', w.contract_kind,
        'source', w.source, 'decision', w.decision, 'status', w.status, 'noticeChannel', w.notice_channel,
        'noticeSentAt', w.notice_sent_at, 'noticeReceivedAt', w.notice_received_at, 'consumers', w.consumers,
        'address', w.address, 'currency', w.currency, 'price', w.price, 'paid', w.paid, 'charge', w.charge,
        'refund', w.refund, 'refundDueBy', w.refund_due_by, 'deadline', w.deadline, 'refusal', w.refusal,
        'createdAt', w.created_at, 'createdByName', w.created_by_name, 'closedAt', w.closed_at,
        'refundPaid', coalesce((SELECT sum(r.amount) FROM refund_payments r WHERE r.case_id = w.id), 0),
        'payments', coalesce((SELECT json_agg(json_build_object('amount', r.amount, 'paidOn', r.paid_on,
            'method', r.method, 'reference', r.reference) ORDER BY r.paid_on, r.id)
          FROM refund_payments r WHERE r.case_id = w.id), '[]'::json)
      ) ORDER BY w.created_at, w.id)
      FROM withdrawal_cases w WHERE w.vin = v.vin), '[]'::json)
  ) AS doc
FROM vehicles v
JOIN customers c ON c.id = v.customer_id
LEFT JOIN contracts k ON k.vin = v.vin;
