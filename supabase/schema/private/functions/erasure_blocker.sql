CREATE OR REPLACE FUNCTION private.erasure_blocker(p_user_id uuid)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select 'you are the only owner of ' || string_agg(w.name, ', ' order by w.name)
         || ': transfer ownership or delete the workspace first'
  from public.workspace_members m join public.workspaces w on w.id = m.workspace_id
  where m.user_id = p_user_id and m.role = 'owner'
    and not exists (select 1 from public.workspace_members o
                    where o.workspace_id = m.workspace_id and o.role = 'owner' and o.user_id <> p_user_id)
$function$;
comment on function private.erasure_blocker(uuid) is 'A readable reason why the user cannot be erased yet (sole owner of a workspace), or null.';
grant execute on function private.erasure_blocker(uuid) to service_role;
