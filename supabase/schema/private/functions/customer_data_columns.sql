CREATE OR REPLACE FUNCTION private.customer_data_columns()
 RETURNS TABLE(table_name regclass, column_name name, kind text, erase_action text, name_columns name[])
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with cols as (
    select c.oid as relid, a.attname, a.attnum, a.attnotnull, a.atttypid,
           case
             when a.atttypid = 'uuid'::regtype and exists (
               select 1 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f'
                 and f.confrelid = 'public.customers'::regclass and a.attnum = any (f.conkey)) then 'customer'
             when a.atttypid not in ('text'::regtype, 'varchar'::regtype) then null
             when a.attname = 'email_sha256' or a.attname::text like '%\_email\_sha256' then 'email_hash'
             when a.attname = 'phone_sha256' or a.attname::text like '%\_phone\_sha256' then 'phone_hash'
             when a.attname = 'email' or a.attname::text like '%\_email' then 'email'
             when a.attname = 'phone' or a.attname::text like '%\_phone' then 'phone'
             when a.attname = 'visitor_id' then 'visitor'
           end as kind
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'p') and not c.relispartition
      and c.oid <> 'public.customers'::regclass
      and exists (select 1 from pg_attribute w where w.attrelid = c.oid and w.attname = 'workspace_id' and not w.attisdropped)
  )
  select k.relid::regclass, k.attname, k.kind,
         case
           when k.kind = 'customer' then
             (select case when f.confdeltype = 'c' then 'delete' else 'set_null' end from pg_constraint f
              where f.conrelid = k.relid and f.contype = 'f' and f.confrelid = 'public.customers'::regclass and k.attnum = any (f.conkey) limit 1)
           when exists (select 1 from private.customer_kept_tables kt where kt.table_name = k.relid) then 'set_null'
           else 'delete'
         end,
         coalesce((select array_agg(n.attname order by n.attnum) from pg_attribute n
                   where n.attrelid = k.relid and n.attnum > 0 and not n.attisdropped
                     and n.atttypid in ('text'::regtype, 'varchar'::regtype) and k.kind in ('email', 'phone')
                     and (case when k.attname in ('email', 'phone')
                               then n.attname in ('name', 'first_name', 'last_name', 'full_name', 'real_name', 'display_name')
                               else n.attname::text = regexp_replace(k.attname, '_(email|phone)$', '') || '_name' end)), '{}')
  from cols k
  where k.kind is not null
  order by 1, 2
$function$;
comment on function private.customer_data_columns() is 'The catalog rule for a shop customer''s export and erasure: every column of a table with workspace_id that refers to a customer (K1 foreign key to customers; K2 email/phone text named email, *_email, phone, *_phone; K3 *email_sha256/*phone_sha256; K4 visitor_id), what erasure does with a matched row (delete, or set_null in kept tables and per the foreign key), and the name fields that go with a contact column.';
grant execute on function private.customer_data_columns() to service_role;
