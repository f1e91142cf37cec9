CREATE OR REPLACE FUNCTION private.check_workflow_rule()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  problem text := private.workflow_actions_problem(new.trigger_type, new.actions);
  a jsonb;
begin
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  -- what the actions name must be in the rule's workspace
  for a in select e.value -> 'params' from jsonb_array_elements(new.actions) e loop
    if a ? 'campaign_id' and not exists (select 1 from public.campaigns c
                                         where c.workspace_id = new.workspace_id and c.id = (a ->> 'campaign_id')::uuid) then
      raise exception 'actions: campaign % is not in this workspace', a ->> 'campaign_id' using errcode = '22023';
    end if;
    if a ? 'list_id' and not exists (select 1 from public.email_lists l
                                     where l.workspace_id = new.workspace_id and l.id = (a ->> 'list_id')::uuid) then
      raise exception 'actions: email list % is not in this workspace', a ->> 'list_id' using errcode = '22023';
    end if;
    if a ? 'assignee_id' and not exists (select 1 from public.workspace_members m
                                         where m.workspace_id = new.workspace_id and m.user_id = (a ->> 'assignee_id')::uuid) then
      raise exception 'actions: assignee % is not a member of this workspace', a ->> 'assignee_id' using errcode = '22023';
    end if;
    if a ? 'endpoint_id' and not exists (select 1 from public.webhook_endpoints w
                                         where w.workspace_id = new.workspace_id and w.id = (a ->> 'endpoint_id')::uuid) then
      raise exception 'actions: webhook endpoint % is not in this workspace', a ->> 'endpoint_id' using errcode = '22023';
    end if;
  end loop;
  return new;
end $function$;
comment on function private.check_workflow_rule() is 'BEFORE INSERT/UPDATE on workflow_rules: actions valid for the trigger, and the campaigns, lists, assignees and webhook endpoints they name in the rule''s workspace (22023).';
