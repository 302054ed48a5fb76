-- The vehicle aggregate as it crosses IPC and lives in the renderer cache (src/shared/ipc/schemas.ts,
-- vehicleDoc), built by the database so that one query serves a card or a whole sync batch.
CREATE VIEW vehicle_docs AS
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
    'pendingCommand', NULL
  ) AS doc
FROM vehicles v
JOIN customers c ON c.id = v.customer_id
LEFT JOIN contracts k ON k.vin = v.vin;
