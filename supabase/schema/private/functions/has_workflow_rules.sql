CREATE OR REPLACE FUNCTION private.has_workflow_rules(p_trigger public.workflow_trigger, p_workspace_ids uuid[])
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select exists (select 1 from public.workflow_rules r
                 where r.workspace_id = any (p_workspace_ids) and r.trigger_type = p_trigger and r.active)
$function$;
comment on function private.has_workflow_rules(public.workflow_trigger,uuid[]) is 'True when one of the workspaces has an active rule for the trigger.';
