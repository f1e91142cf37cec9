CREATE OR REPLACE FUNCTION private.personal_data_columns()
 RETURNS TABLE(table_name regclass, column_name name, kind private.personal_column_kind, erase_action text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select c.oid::regclass, a.attname,
         case when fk.confdeltype is not null then 'user_fk'
              when a.atttypid = 'uuid'::regtype then 'user_named'
              else 'email' end::private.personal_column_kind,
         case
           -- the key's own ON DELETE: cascade = the row is the user's; set null/default = kept, unlinked
           when fk.confdeltype = 'c' then 'delete'
           when fk.confdeltype in ('n', 'd') then 'set_null'
           when not a.attnotnull then 'set_null'
           else 'delete'
         end
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join lateral (
    select f.confdeltype from pg_constraint f
    where f.conrelid = c.oid and f.contype = 'f' and f.confrelid = 'auth.users'::regclass and f.conkey = array[a.attnum]
    limit 1
  ) fk on true
  where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') and not c.relispartition
    and (fk.confdeltype is not null
         or (a.atttypid = 'uuid'::regtype
             and not exists (select 1 from pg_constraint f2 where f2.conrelid = c.oid and f2.contype = 'f'
                             and a.attnum = any (f2.conkey))
             and (a.attname in ('user_id', 'owner_id', 'actor_id', 'author_id')
                  or a.attname::text like '%\_user\_id' or a.attname::text like '%\_by'))
         or (a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
             and (a.attname = 'email' or a.attname::text like '%\_email')))
  order by 1, 2
$function$;
comment on function private.personal_data_columns() is 'The catalog rule for export and erasure: every column in public and private referring to a user (R1 foreign key to auth.users, R2 uuid named user_id/owner_id/actor_id/author_id/*_user_id/*_by, R3 text named email/*_email) and what erasure does to it (delete the row or set the column null).';
grant execute on function private.personal_data_columns() to service_role;
