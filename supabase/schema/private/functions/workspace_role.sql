CREATE OR REPLACE FUNCTION private.workspace_role(p_workspace_id uuid)
 RETURNS public.workspace_role
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  scope uuid := private.agent_scope();
  r public.workspace_role;
begin
  if scope is not null and p_workspace_id is distinct from scope then
    return null;
  end if;
  r := (select m.role from public.workspace_members m
        where m.workspace_id = p_workspace_id and m.user_id = (select auth.uid()));
  return case when scope is not null and r > 'member' then 'member'::public.workspace_role else r end;
end $function$;
comment on function private.workspace_role(uuid) is 'The caller''s role in the given workspace, or null when not a member. PL/pgSQL so its plan is cached per session. Under an agent run''s claims: null outside the run''s workspace, at most member inside it.';
grant execute on function private.workspace_role(uuid) to authenticated;
