CREATE OR REPLACE FUNCTION private.build_user_export(p_user_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  uemail text := (select lower(u.email) from auth.users u where u.id = p_user_id);
  t record;
  conds text;
  hidden text[];
  rows_j jsonb;
  tables_j jsonb := '{}'::jsonb;
begin
  for t in
    select p.table_name, array_agg(p.column_name order by p.column_name) as cols,
           array_agg(p.kind order by p.column_name) as kinds
    from private.personal_data_columns() p group by p.table_name order by p.table_name::text
  loop
    select string_agg(case when k = 'email' then format('lower(t.%I) = $2', c) else format('t.%I = $1', c) end, ' or ')
    into conds
    from unnest(t.cols, t.kinds) as x (c, k)
    where k <> 'email' or uemail is not null;
    hidden := private.secret_columns(t.table_name);
    execute format('select jsonb_agg(to_jsonb(t) - $3) from %s t where %s', t.table_name, conds)
      into rows_j using p_user_id, uemail, hidden;
    if rows_j is not null then
      tables_j := tables_j || jsonb_build_object(t.table_name::text, rows_j);
    end if;
  end loop;
  return jsonb_build_object(
    'format', 'growthbase.privacy_export.v1',
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
    'rule', 'rows of every table in public and private with a foreign key to auth.users, a uuid column named user_id, owner_id, actor_id, author_id, *_user_id or *_by equal to the user id, or a column email/*_email equal to the user''s email; secret columns left out');
end $function$;
comment on function private.build_user_export(uuid) is 'The export document of one user, discovered from the catalog (private.personal_data_columns): account, every matching row per table, storage objects they own.';
grant execute on function private.build_user_export(uuid) to service_role;
