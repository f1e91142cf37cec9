CREATE OR REPLACE FUNCTION private.co_member_ids()
 RETURNS SETOF uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select distinct m.user_id from public.workspace_members m
    where m.workspace_id in (select mine.workspace_id from public.workspace_members mine
                             where mine.user_id = (select auth.uid()));
end $function$;
comment on function private.co_member_ids() is 'User ids of everyone in the caller''s workspaces; wrap in array(select ...) in policies.';
grant execute on function private.co_member_ids() to authenticated;
