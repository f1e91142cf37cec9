CREATE OR REPLACE FUNCTION private.require_workspace_role(p_workspace_id uuid, p_min_role public.workspace_role)
 RETURNS public.workspace_role
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.workspace_role := private.workspace_role(p_workspace_id);
begin
  if r is null or r < p_min_role then
    raise exception 'you need the % role in this workspace', p_min_role using errcode = '42501';
  end if;
  return r;
end $function$;
comment on function private.require_workspace_role(uuid,public.workspace_role) is 'Raises insufficient_privilege (42501) unless the caller has at least min_role in the workspace; returns the caller''s role.';
grant execute on function private.require_workspace_role(uuid,public.workspace_role) to authenticated;
