CREATE OR REPLACE FUNCTION private.scrub_personal_values(p_pattern text, p_workspace_ids uuid[] DEFAULT NULL::uuid[])
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t record;
  sets text;
  conds text;
  scope text := case when p_workspace_ids is not null then 't.workspace_id = any ($2) and ' else '' end;
  n bigint;
  done jsonb := '{}'::jsonb;
begin
  if p_pattern is null then
    return done;
  end if;
  for t in select * from private.text_columns(p_workspace_ids is not null) loop
    select string_agg(format('%1$I = case when t.%1$I::text ~* $1 then %2$s else t.%1$I end', x.c,
             case x.ty
               when 'jsonb'::regtype then format('regexp_replace(t.%I::text, $1, ''[erased]'', ''gi'')::jsonb', x.c)
               when 'json'::regtype then format('regexp_replace(t.%I::text, $1, ''[erased]'', ''gi'')::json', x.c)
               when 'text[]'::regtype then format('array(select regexp_replace(e, $1, ''[erased]'', ''gi'') from unnest(t.%I) with ordinality u (e, o) order by o)', x.c)
               when 'varchar[]'::regtype then format('array(select regexp_replace(e, $1, ''[erased]'', ''gi'') from unnest(t.%I) with ordinality u (e, o) order by o)::varchar[]', x.c)
               else format('regexp_replace(t.%I, $1, ''[erased]'', ''gi'')', x.c)
             end), ', '),
           string_agg(format('t.%I::text ~* $1', x.c), ' or ')
    into sets, conds
    from unnest(t.columns, t.types) as x (c, ty);
    begin
      perform set_config('session_replication_role', 'replica', true);
      execute format('with u as (update %s t set %s where %s(%s) returning 1) select count(*) from u', t.table_name, sets, scope, conds)
        into n using p_pattern, p_workspace_ids;
      perform set_config('session_replication_role', 'origin', true);
    exception when check_violation or not_null_violation or string_data_right_truncation or invalid_text_representation then
      perform set_config('session_replication_role', 'origin', true);
      execute format('with d as (delete from %s t where %s(%s) returning 1) select count(*) from d', t.table_name, scope, conds)
        into n using p_pattern, p_workspace_ids;
      n := -n;
    end;
    if n <> 0 then
      done := done || jsonb_build_object(t.table_name::text,
        jsonb_build_object('text', jsonb_build_object(case when n > 0 then 'scrubbed' else 'delete' end, abs(n))));
    end if;
  end loop;
  return done;
end $function$;
comment on function private.scrub_personal_values(text,uuid[]) is 'Erasure step: replaces every match of the pattern in every text-like column by [erased] (rows of the given workspaces, or every row without them), beneath the tables'' triggers; deletes a row whose checks refuse the replacement. Returns per table what it did.';
