-- The withdrawal recipients of D5 become one setting keyed by market: `recipients` =
-- {"BE": {name, address, email} | null, "LU": …} (src/main/services/settings.ts), so that a market whose
-- terms name no recipient needs no key of its own. The per-market keys of earlier versions are folded in;
-- a market that had none gets no entry (not set). The old rows stay for instances of the previous version
-- during a rolling upgrade (migrations only add); this version never reads them.
INSERT INTO settings (key, value, updated_by, updated_at)
SELECT 'recipients',
       jsonb_object_agg(substr(key, length('recipient') + 1), value),
       (array_agg(updated_by ORDER BY updated_at DESC))[1],
       max(updated_at)
FROM settings
WHERE key IN ('recipientBE', 'recipientLU')
HAVING count(*) > 0
ON CONFLICT (key) DO NOTHING;
