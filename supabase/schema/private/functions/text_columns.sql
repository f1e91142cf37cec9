CREATE OR REPLACE FUNCTION private.text_columns(p_tenant_only boolean)
 RETURNS TABLE(table_name regclass, columns name[], types regtype[])
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select c.oid::regclass, array_agg(a.attname order by a.attnum), array_agg(a.atttypid::regtype order by a.attnum)
  from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition
    and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'json'::regtype, 'jsonb'::regtype,
                       'text[]'::regtype, 'varchar[]'::regtype)
    and a.attgenerated = ''
    and (not p_tenant_only or exists (select 1 from pg_attribute w where w.attrelid = c.oid and w.attname = 'workspace_id' and not w.attisdropped))
  group by c.oid order by c.oid::regclass::text
$function$;
comment on function private.text_columns(boolean) is 'Per table in public and private, its text-like columns (text, varchar, char, json, jsonb, text[], varchar[]; not generated): what erasure scrubs and proves clean. p_tenant_only: tables with workspace_id only.';
