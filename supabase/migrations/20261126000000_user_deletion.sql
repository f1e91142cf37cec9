-- Deleting a user (the dashboard's "delete user", auth.admin.deleteUser) works for anyone who is
-- not a workspace's last owner.
--
-- Columns that name who did something (decided_by, acknowledged_by, accepted_by, ...) reference
-- auth.users ON DELETE SET NULL. The guard triggers that keep history honest ("a decision is
-- recorded only by changing the status") saw that foreign-key action as an edit and refused it,
-- so deleting anyone who had decided an approval or acknowledged an alert failed. A guard now
-- stands aside for exactly that update. (A workspace's last owner still cannot be deleted: that
-- is the membership guard's rule, with its message saying what to do.)
--
-- Why comparing the user columns is enough: the foreign keys are validated and not deferrable,
-- so a row naming a user who does not exist can only be seen inside the foreign key's own
-- ON DELETE SET NULL update, which changes nothing else; and that update runs inside a trigger.

-- True inside a trigger when each user id in `new_ids` equals the one in `old_ids` or is null
-- where the old user no longer exists, and at least one was cleared.
create function private.only_deleted_users_cleared(old_ids uuid[], new_ids uuid[]) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  cleared boolean := false;
begin
  -- Called anywhere but inside a trigger (a user's own update is checked at depth 0), the answer
  -- is false, so it tells nobody whether a user id exists.
  if pg_trigger_depth() = 0 or cardinality(old_ids) is distinct from cardinality(new_ids) then
    return false;
  end if;
  for i in 1 .. cardinality(old_ids) loop
    continue when new_ids[i] is not distinct from old_ids[i];
    if new_ids[i] is not null or exists (select 1 from auth.users u where u.id = old_ids[i]) then
      return false;
    end if;
    cleared := true;
  end loop;
  return cleared;
end $$;
comment on function private.only_deleted_users_cleared(uuid[], uuid[]) is 'Trigger WHEN clauses: true inside a trigger when an update only sets references to deleted users to null (a foreign key''s ON DELETE SET NULL), so history guards let it through.';
revoke all on function private.only_deleted_users_cleared(uuid[], uuid[]) from public;
-- A WHEN clause runs with the updating role's rights: signed-in users and the service update these
-- tables (anon reaches them only through SECURITY DEFINER storefront functions).
grant execute on function private.only_deleted_users_cleared(uuid[], uuid[]) to authenticated, service_role;

-- Every row-level BEFORE UPDATE trigger on a table whose columns reference auth.users ON DELETE
-- SET NULL gets a WHEN clause that skips it for that update, except set_updated_at, triggers only
-- for UPDATE OF other columns, and keep_tenant_keys, which itself lets created_by become null
-- once its user is gone. The clause names only the user columns (a trigger's WHEN makes the
-- columns it names unalterable). A trigger that also fires on INSERT or DELETE is split: its name
-- keeps those events and `<name>_update` takes UPDATE (no current table has a trigger whose name
-- sorts between the two, so the firing order stays). A migration that later recreates one of
-- these triggers, or adds a user column or a guard, keeps the clause: 094_user_deletion checks.
do $$
declare
  t record;
  cols text[];
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
    -- UPDATE OF other columns (require_members: owner_id elsewhere) never fires for the foreign key's update.
    continue when array_length(t.tgattr::int2[], 1) > 0 and not exists (
      select 1 from pg_attribute a where a.attrelid = t.tgrelid and a.attnum = any (t.tgattr::int2[]) and a.attname = any (cols));
    if t.tgqual is not null then
      raise exception 'trigger % on % has a WHEN clause; give it the deleted-user exemption by hand', t.tgname, t.tbl;
    end if;
    select 'update' || coalesce(' of ' || string_agg(quote_ident(a.attname), ', ' order by a.attnum), '') into upd
    from pg_attribute a where a.attrelid = t.tgrelid and a.attnum = any (t.tgattr::int2[]);
    action := substring(t.def from 'EXECUTE FUNCTION .*$');
    events := concat_ws(' or ', case when t.tgtype & 4 = 4 then 'insert' end, case when t.tgtype & 8 = 8 then 'delete' end);
    execute format('drop trigger %I on %s', t.tgname, t.tbl);
    if events <> '' then
      execute format('create trigger %I before %s on %s for each row %s', t.tgname, events, t.tbl, action);
    end if;
    execute format('create trigger %I before %s on %s for each row when (not ((%s) and '
                   'private.only_deleted_users_cleared(array[%s]::uuid[], array[%s]::uuid[]))) %s',
      case when events <> '' then t.tgname || '_update' else t.tgname end, upd, t.tbl,
      (select string_agg(format('old.%1$I is not null and new.%1$I is null', c), ' or ') from unnest(cols) c),
      (select string_agg(format('old.%I', c), ', ') from unnest(cols) c),
      (select string_agg(format('new.%I', c), ', ') from unnest(cols) c),
      action);
  end loop;
end $$;

-- An accepted invitation stays accepted when the user who accepted it is deleted.
alter table public.workspace_invitations drop constraint workspace_invitations_check,
  add constraint workspace_invitations_acceptor_has_time check (accepted_by is null or accepted_at is not null);
