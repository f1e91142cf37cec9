CREATE OR REPLACE FUNCTION private.require_reader(p_workspace_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if ((select auth.role()) = 'anon' or private.is_end_user()) and private.workspace_role(p_workspace_id) is null then
    raise exception 'you need the viewer role in this workspace' using errcode = '42501';
  end if;
end $function$;
comment on function private.require_reader(uuid) is 'Raises 42501 unless a signed-in caller (role authenticated or anon, as PostgREST set it) is a member of the workspace; service_role and jobs pass. Works inside SECURITY DEFINER functions.';
grant execute on function private.require_reader(uuid) to authenticated;
grant execute on function private.require_reader(uuid) to service_role;
