CREATE OR REPLACE FUNCTION private.build_user_export(p_user_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  who jsonb := private.user_identifiers(p_user_id);
  uemail text := who ->> 'email';
  t record;
  own_conds text;
  touch_conds text;
  keep_keys text[];
  rows_j jsonb;
  tables_j jsonb := '{}'::jsonb;
begin
  for t in
    select p.table_name, array_agg(p.column_name order by p.column_name) as cols,
           array_agg(p.kind order by p.column_name) as kinds, array_agg(p.erase_action order by p.column_name) as actions
    from private.personal_data_columns() p group by p.table_name order by p.table_name::text
  loop
    select string_agg(c, ' or ') filter (where a = 'delete'), string_agg(c, ' or ') filter (where a = 'set_null')
    into own_conds, touch_conds
    from (select case when k = 'email' then format('lower(t.%I) = $2', col) else format('t.%I = $1', col) end as c, a
          from unnest(t.cols, t.kinds, t.actions) as x (col, k, a)
          where k <> 'email' or uemail is not null) x;
    -- a touched row shows its keys, the workspace, its times and the columns that name the user
    keep_keys := array(select a.attname::text from pg_attribute a
                       where a.attrelid = t.table_name and a.attnum > 0 and not a.attisdropped
                         and (a.attname = 'workspace_id' or a.atttypid = 'timestamptz'::regtype
                              or a.attnum = any (coalesce((select i.indkey::int2[] from pg_index i
                                                           where i.indrelid = t.table_name and i.indisprimary), '{}'))));
    execute format(
      'select jsonb_agg(case when %s then to_jsonb(t) - $3
                            else (select jsonb_object_agg(e.key, e.value) from jsonb_each(to_jsonb(t)) e
                                  where e.key = any ($4) or (e.key = any ($5) and (e.value #>> ''{}'' = $1::text
                                                                                   or lower(e.value #>> ''{}'') = $2))) end)
       from %s t where %s',
      coalesce(own_conds, 'false'), t.table_name, concat_ws(' or ', own_conds, touch_conds))
      into rows_j using p_user_id, uemail, private.secret_columns(t.table_name), keep_keys, t.cols::text[];
    if rows_j is not null then
      tables_j := tables_j || jsonb_build_object(t.table_name::text, rows_j);
    end if;
  end loop;
  return private.mask_foreign_contacts(jsonb_build_object(
    'format', 'growthbase.privacy_export.v2',
    'generated_at', now(),
    'subject', jsonb_build_object('user_id', p_user_id, 'email', uemail),
    'account', (select jsonb_build_object('id', u.id, 'email', u.email, 'phone', u.phone, 'created_at', u.created_at,
                  'last_sign_in_at', u.last_sign_in_at, 'email_confirmed_at', u.email_confirmed_at,
                  'user_metadata', u.raw_user_meta_data)
                from auth.users u where u.id = p_user_id),
    'tables', tables_j,
    'storage_objects', coalesce((select jsonb_agg(jsonb_build_object('bucket_id', o.bucket_id, 'name', o.name,
                                   'created_at', o.created_at, 'size', o.metadata -> 'size') order by o.bucket_id, o.name)
                                 from storage.objects o where o.owner = p_user_id or o.owner_id = p_user_id::text), '[]'::jsonb),
    'rule', 'rows of every table in public and private with a foreign key to auth.users, a uuid column named user_id, owner_id, actor_id, author_id, *_user_id or *_by equal to the user id, or a column email/*_email equal to the user''s email: whole where the row is the user''s (erasure deletes it), keys, the user columns and times only where the user just touched it (erasure unlinks it); secret columns left out; other people''s emails and phone numbers masked'),
    array_remove(array[private.email_sha256(uemail)], null), array_remove(array[private.phone_sha256(who ->> 'phone')], null));
end $function$;
comment on function private.build_user_export(uuid) is 'The export document of one user, discovered from the catalog (private.personal_data_columns): account, every row that is theirs whole and every row they only touched as its keys, user columns and times, storage objects they own; other people''s emails and phones masked.';
grant execute on function private.build_user_export(uuid) to service_role;
