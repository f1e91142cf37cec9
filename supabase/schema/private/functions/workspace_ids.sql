CREATE OR REPLACE FUNCTION private.workspace_ids(p_min_role public.workspace_role DEFAULT 'viewer'::public.workspace_role)
 RETURNS SETOF uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  scope uuid := private.agent_scope();
begin
  if scope is not null and p_min_role > 'member' then
    return;  -- an agent's tools never act with more than the member role
  end if;
  return query
    select m.workspace_id
    from public.workspace_members m
    where m.user_id = (select auth.uid()) and m.role >= p_min_role
      and (scope is null or m.workspace_id = scope);
end $function$;
comment on function private.workspace_ids(public.workspace_role) is 'The caller''s workspace ids with at least min_role; wrap in array(select ...) in policies. Under an agent run''s claims: only the run''s workspace, and nothing above member.';
grant execute on function private.workspace_ids(public.workspace_role) to authenticated;
