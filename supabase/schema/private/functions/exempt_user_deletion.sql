CREATE OR REPLACE FUNCTION private.exempt_user_deletion(p_table regclass, p_trigger name)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  t record;
  cols text[];
  events text;
  upd text;
  action text;
begin
  select tg.oid, tg.tgname, tg.tgtype, tg.tgattr, tg.tgqual, pg_get_triggerdef(tg.oid) def into t
  from pg_trigger tg where tg.tgrelid = p_table and tg.tgname = p_trigger;
  if not found or t.tgtype & 1 = 0 or t.tgtype & 2 = 0 or t.tgtype & 16 = 0 then
    raise exception 'exempt_user_deletion: % on % is not a row-level BEFORE UPDATE trigger', p_trigger, p_table;
  end if;
  if t.tgqual is not null then
    raise exception 'exempt_user_deletion: % on % has a WHEN clause; give it the exemption by hand', p_trigger, p_table;
  end if;
  select array_agg(a.attname::text order by a.attname) into cols
  from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
  where k.conrelid = p_table and k.contype = 'f' and k.confrelid = 'auth.users'::regclass and k.confdeltype = 'n';
  if cols is null then
    raise exception 'exempt_user_deletion: % has no column referencing auth.users on delete set null', p_table;
  end if;
  if array_length(t.tgattr::int2[], 1) > 0 and not exists (
    select 1 from pg_attribute a where a.attrelid = p_table and a.attnum = any (t.tgattr::int2[]) and a.attname = any (cols)) then
    return;
  end if;
  select 'update' || coalesce(' of ' || string_agg(quote_ident(a.attname), ', ' order by a.attnum), '') into upd
  from pg_attribute a where a.attrelid = p_table and a.attnum = any (t.tgattr::int2[]);
  action := substring(t.def from 'EXECUTE FUNCTION .*$');
  events := concat_ws(' or ', case when t.tgtype & 4 = 4 then 'insert' end, case when t.tgtype & 8 = 8 then 'delete' end);
  execute format('drop trigger %I on %s', p_trigger, p_table);
  if events <> '' then
    execute format('create trigger %I before %s on %s for each row %s', p_trigger, events, p_table, action);
  end if;
  execute format('create trigger %I before %s on %s for each row when (not ((%s) and '
                 'private.only_deleted_users_cleared(array[%s]::uuid[], array[%s]::uuid[]))) %s',
    case when events <> '' then p_trigger || '_update' else p_trigger end, upd, p_table,
    (select string_agg(format('old.%1$I is not null and new.%1$I is null', c), ' or ') from unnest(cols) c),
    (select string_agg(format('old.%I', c), ', ') from unnest(cols) c),
    (select string_agg(format('new.%I', c), ', ') from unnest(cols) c),
    action);
end $function$;
comment on function private.exempt_user_deletion(regclass,name) is 'Migration helper: lets a history guard trigger pass the ON DELETE SET NULL update that deleting a user makes (a WHEN clause with private.only_deleted_users_cleared).';
