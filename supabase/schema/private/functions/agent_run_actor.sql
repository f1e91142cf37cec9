CREATE OR REPLACE FUNCTION private.agent_run_actor(p_workspace_id uuid, p_triggered_by uuid, p_agent_created_by uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce(
    (select m.user_id from public.workspace_members m where m.workspace_id = p_workspace_id and m.user_id = p_triggered_by),
    (select m.user_id from public.workspace_members m where m.workspace_id = p_workspace_id and m.user_id = p_agent_created_by),
    (select m.user_id from public.workspace_members m where m.workspace_id = p_workspace_id and m.role = 'owner'
     order by m.created_at, m.user_id limit 1))
$function$;
comment on function private.agent_run_actor(uuid,uuid,uuid) is 'Who a run''s tools act as: the member who asked, else the agent''s creator, else the first owner; only people who are members now.';
