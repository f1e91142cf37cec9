CREATE OR REPLACE FUNCTION private.workspace_ids(p_min_role public.workspace_role DEFAULT 'viewer'::public.workspace_role)
 RETURNS SETOF uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select m.workspace_id
    from public.workspace_members m
    where m.user_id = (select auth.uid()) and m.role >= p_min_role;
end $function$;
comment on function private.workspace_ids(public.workspace_role) is 'The caller''s workspace ids with at least min_role; wrap in array(select ...) in policies.';
grant execute on function private.workspace_ids(public.workspace_role) to authenticated;
