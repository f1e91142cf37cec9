CREATE OR REPLACE FUNCTION private.workspace_role(p_workspace_id uuid)
 RETURNS public.workspace_role
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (select m.role from public.workspace_members m
          where m.workspace_id = p_workspace_id and m.user_id = (select auth.uid()));
end $function$;
comment on function private.workspace_role(uuid) is 'The caller''s role in the given workspace, or null when not a member. PL/pgSQL so its plan is cached per session.';
grant execute on function private.workspace_role(uuid) to authenticated;
