-- The committed sync head in one round trip (src/main/services/vehicles.ts, committedHead): the shared form
-- of the revision lock waits for any writer between its first revision and its commit, then the counter is
-- read. A function, so that the lock is taken before the read, in this order.
CREATE FUNCTION committed_sync_head() RETURNS bigint AS $$
DECLARE head bigint;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7301004);
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO head FROM sync_rev;
  RETURN head;
END $$ LANGUAGE plpgsql;
