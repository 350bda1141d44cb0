-- A signed-in user's memberships in one round trip: the function scopes its own statement to the
-- user (a transaction-local setting, so it ends with the statement's implicit transaction), and
-- row-level security still decides what the read sees. Before this, each request spent a transaction
-- (begin, set the scope, select, commit) on it.
create function memberships_of_user(p_user_id uuid) returns table (site_id uuid, user_id uuid, role text)
language plpgsql volatile as $$
begin
  perform set_config('app.user_id', p_user_id::text, true);
  return query
    select m.site_id, m.user_id, m.role from memberships m
    where m.user_id = p_user_id order by m.site_id, m.role;
end $$;
