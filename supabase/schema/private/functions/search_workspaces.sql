CREATE OR REPLACE FUNCTION private.search_workspaces(p_workspace_id uuid)
 RETURNS uuid[]
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select case when p_workspace_id is not null then array[p_workspace_id]
              when private.is_end_user() then array(select private.workspace_ids('viewer'))
              end
$function$;
comment on function private.search_workspaces(uuid) is 'The workspace filter of a search: the given one, else every workspace a signed-in caller can read, else (service role, system) none. RLS applies in any case.';
grant execute on function private.search_workspaces(uuid) to authenticated;
grant execute on function private.search_workspaces(uuid) to service_role;
