-- The agent's desk: lookups main answers while a desktop's offline copy is incomplete (omni-search), the
-- vehicle's story (agent notes next to its records and audit lines), and SIM commands that need attention.

-- 1. Name words, folded by the app (src/shared/search/fold.ts, the same folding as the renderer's offline
-- copy): one row per word of a customer's names, so that "every typed word begins a word of the name" is
-- an index range read per word. "C" collation: byte order, so that every word beginning with w lies
-- between w and w || U+10FFFF whatever the server's locale. The folding lives in TypeScript only, so the
-- database records which customers need their words (re)computed and main computes them
-- (src/main/services/search-words.ts): at start, and before a name lookup.
CREATE TABLE customer_search_words (
  word        text COLLATE "C" NOT NULL,
  customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (word, customer_id)
);
CREATE INDEX customer_search_words_customer ON customer_search_words (customer_id);

CREATE TABLE customer_search_stale (
  customer_id text PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE
);

CREATE FUNCTION customer_search_is_stale() RETURNS trigger AS $$
BEGIN
  INSERT INTO customer_search_stale (customer_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

-- A bulk load of a fresh fleet (src/main/db/seed.ts) writes the words itself.
CREATE TRIGGER customers_search_stale AFTER INSERT OR UPDATE OF first_name, last_name, company_name ON customers
  FOR EACH ROW WHEN (NOT bulk_loading()) EXECUTE FUNCTION customer_search_is_stale();

-- Every customer already stored needs words (main sees no 'search_fold' in meta and computes them all).

-- 2. Identifiers main looks up: a plate by its beginning, a phone number by its end (the digits reversed,
-- src/shared/search/query.ts, phoneTailKey), an e-mail address by its beginning. Pattern operator classes:
-- LIKE 'prefix%' uses them whatever the server's locale.
CREATE INDEX vehicles_plate_prefix ON vehicles ((upper(regexp_replace(plate, '[^A-Za-z0-9]', '', 'g'))) text_pattern_ops);
CREATE INDEX customers_phone_tail ON customers ((reverse(regexp_replace(phone, '\D', '', 'g'))) text_pattern_ops);
CREATE INDEX customers_email ON customers ((lower(email)) text_pattern_ops);

-- 3. Agent notes: free text on a vehicle, with author and time, append-only like the audit log (the
-- database refuses updates, deletes and truncation). A note touches its vehicle, so every desk showing
-- the vehicle hears of it (sync push) and reloads its story.
CREATE TABLE vehicle_notes (
  id          bigserial PRIMARY KEY,
  vin         text NOT NULL REFERENCES vehicles(vin),
  at          timestamptz NOT NULL,
  agent_id    text NOT NULL REFERENCES agents(id),
  agent_name  text NOT NULL,
  -- The contract's limit (NOTE_MAX_LENGTH, src/shared/ipc/contract.ts), kept here as the last line of defence.
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000)
);
CREATE INDEX vehicle_notes_vin ON vehicle_notes (vin, at DESC);

CREATE FUNCTION rows_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER vehicle_notes_no_update BEFORE UPDATE OR DELETE ON vehicle_notes
  FOR EACH ROW EXECUTE FUNCTION rows_are_append_only();
CREATE TRIGGER vehicle_notes_no_truncate BEFORE TRUNCATE ON vehicle_notes
  FOR EACH STATEMENT EXECUTE FUNCTION rows_are_append_only();
CREATE TRIGGER vehicle_notes_touch_vehicle AFTER INSERT ON vehicle_notes
  FOR EACH ROW EXECUTE FUNCTION touch_vehicle_of_row();

-- 4. The story of a vehicle reads the audit lines of its cases too (forms printed from a case).
CREATE INDEX audit_log_case ON audit_log (case_id) WHERE case_id IS NOT NULL;

-- 5. SIM commands that need attention: waiting, failed or timed out.
CREATE INDEX sim_commands_attention ON sim_commands (requested_at DESC) WHERE status IN ('pending', 'failed', 'timed-out');
