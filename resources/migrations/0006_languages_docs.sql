-- The customer's language (read-outs and forms in it, RULES.md §9) and the agent's (the tool's language);
-- SIM commands say where they came from and when the next automatic attempt is; a refusal is a code, and
-- the agent's note is kept apart from it.

ALTER TABLE customers ADD COLUMN language text CHECK (language IN ('da', 'sv', 'pt', 'fr', 'nl', 'de'));
UPDATE customers c SET language = CASE v.market
    WHEN 'DK' THEN 'da' WHEN 'SE' THEN 'sv' WHEN 'PT' THEN 'pt'
    WHEN 'BE' THEN CASE WHEN c.postcode ~ '^47[0-9]{2}$' THEN 'de' WHEN c.postcode ~ '^(1[5-9]|[23]|8|9)' THEN 'nl' ELSE 'fr' END
    ELSE 'fr' END
  FROM vehicles v WHERE v.customer_id = c.id AND c.language IS NULL;
UPDATE customers SET language = 'da' WHERE language IS NULL;
ALTER TABLE customers ALTER COLUMN language SET NOT NULL;

ALTER TABLE agents ADD COLUMN language text CHECK (language IN ('en', 'da', 'sv', 'pt-PT', 'fr', 'nl', 'de'));

ALTER TABLE withdrawal_cases ADD COLUMN note text;
-- Earlier versions stored the refusal as an English sentence: keep it as the note, store its code.
UPDATE withdrawal_cases SET note = refusal, refusal = CASE
    WHEN refusal LIKE 'Only a consumer%' THEN 'not-consumer'
    WHEN refusal LIKE 'The right of withdrawal does not apply%' THEN 'channel-excluded'
    WHEN refusal LIKE 'The service was fully performed%' THEN 'fully-performed'
    ELSE 'late' END
  WHERE refusal IS NOT NULL;
ALTER TABLE withdrawal_cases ADD CONSTRAINT refusal_code CHECK (refusal IS NULL OR refusal IN ('not-consumer', 'channel-excluded', 'fully-performed', 'late'));
ALTER TABLE withdrawal_cases ADD COLUMN consumer_language text;

ALTER TABLE sim_commands ADD COLUMN read_out jsonb;

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
      'country', c.country, 'customerNumber', c.customer_number, 'email', c.email, 'phone', c.phone,
      'language', c.language),
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
        'terminationEffectiveOn', s.termination_effective_on, 'origin', s.origin, 'caseId', s.case_id,
        'nextAttemptAt', s.next_attempt_at)
      FROM sim_commands s WHERE s.vin = v.vin ORDER BY s.requested_at DESC, s.id DESC LIMIT 1),
    'cases', coalesce((
      SELECT json_agg(json_build_object(
        'id', w.id, 'vin', w.vin, 'subject', w.subject, 'purchaseId', w.purchase_id, 'contractKind', w.contract_kind,
        'source', w.source, 'decision', w.decision, 'status', w.status, 'noticeChannel', w.notice_channel,
        'noticeSentAt', w.notice_sent_at, 'noticeReceivedAt', w.notice_received_at, 'consumers', w.consumers,
        'address', w.address, 'currency', w.currency, 'price', w.price, 'paid', w.paid, 'charge', w.charge,
        'refund', w.refund, 'refundDueBy', w.refund_due_by, 'deadline', w.deadline, 'refusal', w.refusal,
        'note', w.note, 'consumerLanguage', w.consumer_language,
        'createdAt', w.created_at, 'createdByName', w.created_by_name, 'closedAt', w.closed_at,
        'refundPaid', coalesce((SELECT sum(r.amount) FROM refund_payments r WHERE r.case_id = w.id), 0),
        'payments', coalesce((SELECT json_agg(json_build_object('amount', r.amount, 'paidOn', r.paid_on,
            'method', r.method, 'reference', r.reference) ORDER BY r.paid_on, r.id)
          FROM refund_payments r WHERE r.case_id = w.id), '[]'::json)
      ) ORDER BY w.created_at, w.id)
      FROM withdrawal_cases w WHERE w.vin = v.vin), '[]'::json)
  ) AS doc,
  v.market
FROM vehicles v
JOIN customers c ON c.id = v.customer_id
LEFT JOIN contracts k ON k.vin = v.vin;
