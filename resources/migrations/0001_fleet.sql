-- The fleet: customers, vehicles, MINI Connected contracts and store purchases.
-- Every change to a vehicle or anything hanging off it bumps the vehicle's revision from one global
-- sequence; the renderer cache pulls "everything with rev > cursor" (ARCHITECTURE.md, data flow 3).

CREATE SEQUENCE sync_rev;

CREATE TABLE meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE customers (
  id              text PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('consumer', 'business')),
  first_name      text,
  last_name       text,
  company_name    text,
  street          text NOT NULL,
  postcode        text NOT NULL,
  city            text NOT NULL,
  country         text NOT NULL,
  customer_number text NOT NULL UNIQUE,
  email           text,
  phone           text
);

CREATE TABLE vehicles (
  vin                text PRIMARY KEY CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  short_vin          text GENERATED ALWAYS AS (right(vin, 7)) STORED,
  plate              text,
  model              text NOT NULL,
  market             text NOT NULL CHECK (market IN ('DK', 'SE', 'PT', 'BE', 'LU')),
  first_registration date,
  handed_over_at     date,
  equipment          text[] NOT NULL DEFAULT '{}',
  eu_ecall           boolean,
  legal_map_data     boolean,
  sim_state          text NOT NULL CHECK (sim_state IN ('ACTIVE', 'ECALL_ONLY', 'DEACTIVATED')),
  dealer_number      text,
  customer_id        text NOT NULL REFERENCES customers(id),
  rev                bigint NOT NULL DEFAULT 0,
  -- The heart of the product (RULES.md §2), enforced by the database as the last line of defence:
  -- a vehicle with any evidence of legal eCall or legal map data can never be DEACTIVATED.
  CONSTRAINT legal_ecall_never_deactivated CHECK (
    NOT (sim_state = 'DEACTIVATED' AND (
      coalesce(eu_ecall, false) OR coalesce(legal_map_data, false)
      OR equipment && ARRAY['6AF', '6FP', '6UM']::text[]
    ))
  )
);
CREATE INDEX vehicles_short_vin ON vehicles (short_vin);
CREATE INDEX vehicles_plate ON vehicles (upper(regexp_replace(plate, '[^A-Za-z0-9]', '', 'g')));
CREATE INDEX vehicles_rev ON vehicles (rev);
CREATE INDEX vehicles_customer ON vehicles (customer_id);

CREATE TABLE contracts (
  id                       text PRIMARY KEY,
  vin                      text NOT NULL UNIQUE REFERENCES vehicles(vin),
  concluded_at             date NOT NULL,
  customer_kind            text NOT NULL CHECK (customer_kind IN ('consumer', 'business')),
  channel                  text NOT NULL CHECK (channel IN ('on-premises', 'distance', 'off-premises')),
  status                   text NOT NULL CHECK (status IN ('active', 'withdrawn', 'terminated')),
  termination_effective_on date,
  instructions_given       boolean NOT NULL DEFAULT true,
  instructions_received_at date,
  currency                 text NOT NULL CHECK (currency IN ('DKK', 'SEK', 'EUR')),
  price                    bigint NOT NULL CHECK (price >= 0),
  paid                     bigint NOT NULL CHECK (paid >= 0)
);

CREATE TABLE purchases (
  id           text PRIMARY KEY,
  vin          text NOT NULL REFERENCES vehicles(vin),
  code         text NOT NULL,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('connected-service', 'service-inclusive')),
  purchased_at date NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('on-premises', 'distance', 'off-premises')),
  currency     text NOT NULL CHECK (currency IN ('DKK', 'SEK', 'EUR')),
  price        bigint NOT NULL CHECK (price >= 0),
  paid         bigint NOT NULL CHECK (paid >= 0),
  term_months  integer CHECK (term_months > 0),
  status       text NOT NULL CHECK (status IN ('active', 'withdrawn', 'ended'))
);
CREATE INDEX purchases_vin ON purchases (vin);

-- Deleted vehicles leave a tombstone so that caches delete them too.
CREATE TABLE tombstones (
  vin text PRIMARY KEY,
  rev bigint NOT NULL
);
CREATE INDEX tombstones_rev ON tombstones (rev);

CREATE FUNCTION bump_vehicle_rev() RETURNS trigger AS $$
BEGIN
  NEW.rev := nextval('sync_rev');
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER vehicles_bump_rev BEFORE INSERT OR UPDATE ON vehicles
  FOR EACH ROW EXECUTE FUNCTION bump_vehicle_rev();

CREATE FUNCTION touch_vehicle_of_row() RETURNS trigger AS $$
BEGIN
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

CREATE TRIGGER contracts_touch_vehicle AFTER INSERT OR UPDATE OR DELETE ON contracts
  FOR EACH ROW EXECUTE FUNCTION touch_vehicle_of_row();
CREATE TRIGGER purchases_touch_vehicle AFTER INSERT OR UPDATE OR DELETE ON purchases
  FOR EACH ROW EXECUTE FUNCTION touch_vehicle_of_row();

CREATE FUNCTION touch_vehicles_of_customer() RETURNS trigger AS $$
BEGIN
  UPDATE vehicles SET rev = 0 WHERE customer_id = NEW.id;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER customers_touch_vehicles AFTER UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION touch_vehicles_of_customer();

CREATE FUNCTION vehicle_tombstone() RETURNS trigger AS $$
BEGIN
  INSERT INTO tombstones (vin, rev) VALUES (OLD.vin, nextval('sync_rev'))
    ON CONFLICT (vin) DO UPDATE SET rev = EXCLUDED.rev;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER vehicles_tombstone AFTER DELETE ON vehicles
  FOR EACH ROW EXECUTE FUNCTION vehicle_tombstone();

-- A vehicle that comes back after deletion must not stay deleted in caches.
CREATE FUNCTION vehicle_untombstone() RETURNS trigger AS $$
BEGIN
  DELETE FROM tombstones WHERE vin = NEW.vin;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER vehicles_untombstone AFTER INSERT ON vehicles
  FOR EACH ROW EXECUTE FUNCTION vehicle_untombstone();
