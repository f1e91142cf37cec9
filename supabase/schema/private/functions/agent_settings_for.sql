CREATE OR REPLACE FUNCTION private.agent_settings_for(p_workspace_id uuid)
 RETURNS public.agent_settings
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.agent_settings;
begin
  select * into s from public.agent_settings a where a.workspace_id = p_workspace_id;
  if not found then
    -- the defaults, read from the table's own column defaults (one place for them)
    select * into s from jsonb_populate_record(null::public.agent_settings, (
      select jsonb_object_agg(c.column_name, d.value)
      from information_schema.columns c
      cross join lateral (select case when c.column_default is null then null
                                      else to_jsonb(private.column_default_value(c.column_default)) end as value) d
      where c.table_schema = 'public' and c.table_name = 'agent_settings' and c.column_default is not null
        and c.column_name not in ('created_at', 'updated_at')));
    s.workspace_id := p_workspace_id;
  end if;
  return s;
end $function$;
comment on function private.agent_settings_for(uuid) is 'The workspace''s agent_settings row, or one holding the table''s column defaults when it has none.';
grant execute on function private.agent_settings_for(uuid) to authenticated;
grant execute on function private.agent_settings_for(uuid) to service_role;
