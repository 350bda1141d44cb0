-- One round trip to take the audit chain's lock and read its head. The lock serializes appends until
-- the transaction ends; the head is read by a statement that starts after the lock is held (each
-- statement in a PL/pgSQL function takes its own snapshot under READ COMMITTED), so it sees the row
-- committed by the previous holder. A plain `select pg_advisory_xact_lock(...), (select ...)` would
-- not: its snapshot is taken before the lock is granted.
create function audit_chain_head() returns table (seq bigint, hash text)
language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(7263001);
  return query select a.seq, a.hash from audit_log a order by a.seq desc limit 1;
end $$;
