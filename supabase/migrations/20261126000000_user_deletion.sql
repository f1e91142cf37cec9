-- Deleting a user (the dashboard's "delete user", auth.admin.deleteUser) works for anyone who is
-- not a workspace's last owner.
--
-- Columns that name who did something (decided_by, acknowledged_by, accepted_by, ...) reference
-- auth.users ON DELETE SET NULL. The guard triggers that keep history honest ("a decision is
-- recorded only by changing the status") saw that foreign-key action as an edit and refused it,
-- so deleting anyone who had decided an approval or acknowledged an alert failed. A guard now
-- stands aside for exactly that update: the only columns that change are references to users
-- that no longer exist, and they become null. (A workspace's last owner still cannot be deleted:
-- that is the membership guard's rule, with its message saying what to do.)

-- True when new differs from old only in `cols` (and updated_at, which set_updated_at stamps),
-- each changed one going from a user id to null, and none of those users exists any more.
create function private.only_deleted_users_cleared(o jsonb, n jsonb, cols text[]) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  c text;
  cleared boolean := false;
begin
  -- Only a foreign key's action (an update inside a trigger) is ever exempted. Called anywhere
  -- else, the answer is false, so it tells nobody whether a user id exists.
  if pg_trigger_depth() = 0 then
    return false;
  end if;
  if (o - cols - 'updated_at') is distinct from (n - cols - 'updated_at') then
    return false;
  end if;
  foreach c in array cols loop
    continue when (n ->> c) is not distinct from (o ->> c);
    if n ->> c is not null or exists (select 1 from auth.users u where u.id = (o ->> c)::uuid) then
      return false;
    end if;
    cleared := true;
  end loop;
  return cleared;
end $$;
comment on function private.only_deleted_users_cleared(jsonb, jsonb, text[]) is 'Trigger WHEN clauses: true when an update only sets references to deleted users to null (a foreign key''s ON DELETE SET NULL), so history guards let it through.';
revoke all on function private.only_deleted_users_cleared(jsonb, jsonb, text[]) from public;
-- A WHEN clause runs with the updating role's rights: signed-in users and the service update these
-- tables (anon reaches them only through SECURITY DEFINER storefront functions).
grant execute on function private.only_deleted_users_cleared(jsonb, jsonb, text[]) to authenticated, service_role;

-- Every row-level BEFORE UPDATE trigger (but set_updated_at; keep_tenant_keys, which already lets
-- created_by become null once its user is gone; and those only for UPDATE OF other columns) on a table whose columns reference
-- auth.users ON DELETE SET NULL gets a WHEN clause that skips it for that update. A trigger that
-- also fires on INSERT or DELETE is split: the same name keeps those events, `<name>_update`
-- (which sorts next to it, so the firing order stays) takes UPDATE.
do $$
declare
  t record;
  cols text[];
  cheap text;
  image text;
  events text;
  upd text;
  action text;
begin
  for t in
    select tg.oid, tg.tgname, tg.tgrelid, tg.tgtype, tg.tgattr, tg.tgqual, pg_get_triggerdef(tg.oid) def,
           tg.tgrelid::regclass::text tbl
    from pg_trigger tg
    where not tg.tgisinternal
      and tg.tgtype & 1 = 1 and tg.tgtype & 2 = 2 and tg.tgtype & 16 = 16  -- row, before, update
      and tg.tgfoid not in ('private.set_updated_at()'::regprocedure, 'private.keep_tenant_keys()'::regprocedure)
      and exists (select 1 from pg_constraint k where k.conrelid = tg.tgrelid and k.contype = 'f'
                  and k.confrelid = 'auth.users'::regclass and k.confdeltype = 'n')
    order by tg.tgrelid::regclass::text, tg.tgname
  loop
    select array_agg(a.attname::text order by a.attname) into cols
    from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
    where k.conrelid = t.tgrelid and k.contype = 'f' and k.confrelid = 'auth.users'::regclass and k.confdeltype = 'n';
    -- UPDATE OF other columns (keep_tenant_keys: workspace_id) never fires for the foreign key's update.
    continue when array_length(t.tgattr::int2[], 1) > 0 and not exists (
      select 1 from pg_attribute a where a.attrelid = t.tgrelid and a.attnum = any (t.tgattr::int2[]) and a.attname = any (cols));
    if t.tgqual is not null then
      raise exception 'trigger % on % has a WHEN clause; give it the deleted-user exemption by hand', t.tgname, t.tbl;
    end if;
    select 'update' || coalesce(' of ' || string_agg(quote_ident(a.attname), ', ' order by a.attnum), '') into upd
    from pg_attribute a where a.attrelid = t.tgrelid and a.attnum = any (t.tgattr::int2[]);
    select string_agg(format('old.%1$I is not null and new.%1$I is null', c), ' or ') into cheap from unnest(cols) c;
    -- The row images compared, built column by column: a BEFORE trigger's WHEN cannot mention
    -- NEW's generated columns, so neither to_jsonb(new) nor new.* (40 columns per call, under
    -- jsonb_build_object's 100 arguments).
    select string_agg(format('jsonb_build_object(%s)', pairs), ' || ') into image
    from (select string_agg(format('%L, %%1$s.%I', a.attname, a.attname), ', ' order by a.attnum) pairs
          from (select a.*, (row_number() over (order by a.attnum) - 1) / 40 chunk
                from pg_attribute a where a.attrelid = t.tgrelid and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = '' and a.attname <> 'updated_at') a
          group by a.chunk) chunks;
    action := substring(t.def from 'EXECUTE FUNCTION .*$');
    events := concat_ws(' or ', case when t.tgtype & 4 = 4 then 'insert' end, case when t.tgtype & 8 = 8 then 'delete' end);
    execute format('drop trigger %I on %s', t.tgname, t.tbl);
    if events <> '' then
      execute format('create trigger %I before %s on %s for each row %s', t.tgname, events, t.tbl, action);
    end if;
    execute format('create trigger %I before %s on %s for each row when (not ((%s) and '
                   'private.only_deleted_users_cleared(%s, %s, %L))) %s',
      case when events <> '' then t.tgname || '_update' else t.tgname end, upd, t.tbl, cheap,
      format(image, 'old'), format(image, 'new'), cols, action);
  end loop;
end $$;

-- An accepted invitation stays accepted when the user who accepted it is deleted.
alter table public.workspace_invitations drop constraint workspace_invitations_check,
  add constraint workspace_invitations_acceptor_has_time check (accepted_by is null or accepted_at is not null);
