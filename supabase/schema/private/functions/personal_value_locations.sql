CREATE OR REPLACE FUNCTION private.personal_value_locations(p_values text[])
 RETURNS TABLE(table_name text, column_name text, hits bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t record;
  pattern text;
  n bigint;
begin
  select string_agg(regexp_replace(v, '([.*+?^${}()|\[\]\\])', '\\\1', 'g'), '|') into pattern
  from unnest(p_values) v where nullif(v, '') is not null;
  if pattern is null then
    return;
  end if;
  for t in
    select c.oid::regclass as tbl, a.attname as col, a.atttypid as typ
    from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition
      and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'json'::regtype, 'jsonb'::regtype,
                         'text[]'::regtype, 'varchar[]'::regtype, 'uuid'::regtype)
    order by 1, 2
  loop
    execute format('select count(*) from %s t where t.%I::text ~* $1', t.tbl, t.col) into n using pattern;
    if n > 0 then
      table_name := t.tbl::text; column_name := t.col; hits := n;
      return next;
    end if;
  end loop;
  select count(*) into n from storage.objects o where o.owner::text ~* pattern or o.owner_id ~* pattern;
  if n > 0 then
    table_name := 'storage.objects'; column_name := 'owner'; hits := n;
    return next;
  end if;
end $function$;
comment on function private.personal_value_locations(text[]) is 'Scans every text-like and uuid column in public and private (and storage.objects owners) for any of the values, case-insensitively; returns where they occur. A full scan: for erasure proofs and tests.';
grant execute on function private.personal_value_locations(text[]) to service_role;
