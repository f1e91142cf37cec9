CREATE OR REPLACE FUNCTION private.personal_pattern_locations(p_pattern text, p_workspace_ids uuid[] DEFAULT NULL::uuid[])
 RETURNS TABLE(table_name text, column_name text, hits bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t record;
  c name;
begin
  if p_pattern is null then
    return;
  end if;
  for t in select * from private.text_columns(p_workspace_ids is not null) loop
    foreach c in array t.columns loop
      execute format('select count(*) from %s t where %s t.%I::text ~* $1', t.table_name,
                     case when p_workspace_ids is not null then 't.workspace_id = any ($2) and' else '' end, c)
        into hits using p_pattern, p_workspace_ids;
      if hits > 0 then
        table_name := t.table_name::text; column_name := c;
        return next;
      end if;
    end loop;
  end loop;
end $function$;
comment on function private.personal_pattern_locations(text,uuid[]) is 'Every text-like column in public and private (rows of the given workspaces, or all rows) where the pattern still matches, with the number of rows. A full scan: the erasures'' proof and the tests''.';
grant execute on function private.personal_pattern_locations(text,uuid[]) to service_role;
