CREATE OR REPLACE FUNCTION private.execute_workflow_action(p_action public.scheduled_actions, p_execution public.workflow_executions)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  subj jsonb := p_execution.subject;
  prm jsonb := p_action.params;
  ws uuid := p_action.workspace_id;
  lead public.leads;
  lead_id uuid := case
    when p_execution.trigger_type = 'lead_activity_logged' then (subj #>> '{row,lead_id}')::uuid
    when p_execution.trigger_type in ('lead_created', 'lead_status_changed', 'lead_score_changed') then (subj #>> '{row,id}')::uuid
  end;
  campaign uuid;
  new_id uuid;
  contact uuid;
  n integer;
  delivery bigint;
begin
  if p_action.action_type = 'create_task' then
    campaign := coalesce((prm ->> 'campaign_id')::uuid, case when p_execution.trigger_type = 'campaign_status_changed'
                                                             then (subj #>> '{row,id}')::uuid
                                                             else (subj #>> '{row,campaign_id}')::uuid end);
    if campaign is null then
      raise exception 'create_task: the event has no campaign and the action names none';
    end if;
    insert into public.campaign_tasks (workspace_id, campaign_id, title, priority, due_date, assignee_id)
    values (ws, campaign, left(private.render_template(prm ->> 'title', subj), 300),
            coalesce(prm ->> 'priority', 'medium')::public.task_priority,
            (now() at time zone 'UTC')::date + (prm ->> 'due_in_days')::integer,
            (prm ->> 'assignee_id')::uuid)
    returning id into new_id;
    return jsonb_build_object('task_id', new_id, 'campaign_id', campaign);
  end if;

  if p_action.action_type = 'send_webhook' then
    if not exists (select 1 from public.webhook_endpoints e where e.workspace_id = ws and e.id = (prm ->> 'endpoint_id')::uuid and e.enabled) then
      raise exception 'send_webhook: the endpoint is gone or disabled';
    end if;
    insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
    values (ws, (prm ->> 'endpoint_id')::uuid, coalesce(prm ->> 'event_type', 'workflow.action'),
            jsonb_build_object('type', coalesce(prm ->> 'event_type', 'workflow.action'), 'timestamp', now(),
              'data', jsonb_build_object('rule_id', p_execution.rule_id, 'execution_id', p_execution.id,
                                         'trigger', p_execution.trigger_type, 'subject', subj)))
    returning id into delivery;
    return jsonb_build_object('webhook_delivery_id', delivery, 'endpoint_id', prm ->> 'endpoint_id');
  end if;

  if p_action.action_type in ('update_lead_status', 'add_to_email_list') then
    select * into lead from public.leads l where l.workspace_id = ws and l.id = lead_id for update;
    if not found then
      raise exception '%: the lead no longer exists', p_action.action_type;
    end if;
    if p_action.action_type = 'update_lead_status' then
      update public.leads l set status = (prm ->> 'status')::public.lead_status where l.id = lead.id;
      return jsonb_build_object('lead_id', lead.id, 'from', lead.status, 'to', prm ->> 'status');
    end if;
    if lead.email is null then
      raise exception 'add_to_email_list: the lead has no email address';
    end if;
    insert into public.email_contacts as c (workspace_id, email, first_name, last_name, lead_id, source)
    values (ws, lead.email, lead.first_name, lead.last_name, lead.id, 'workflow')
    on conflict (workspace_id, email) do update set lead_id = coalesce(c.lead_id, excluded.lead_id)
    returning c.id into contact;
    insert into public.email_list_members (workspace_id, list_id, contact_id)
    values (ws, (prm ->> 'list_id')::uuid, contact)
    on conflict do nothing;
    get diagnostics n = row_count;
    return jsonb_build_object('contact_id', contact, 'list_id', prm ->> 'list_id', 'added', n = 1);
  end if;

  -- log_activity
  return jsonb_build_object('activity_log_id', private.log_autopilot_activity(ws, 'workflow_action',
    private.render_template(prm ->> 'description', subj), 'workflow_executions', p_execution.id,
    jsonb_build_object('rule_id', p_execution.rule_id, 'scheduled_action_id', p_action.id)));
end $function$;
comment on function private.execute_workflow_action(public.scheduled_actions,public.workflow_executions) is 'Performs one scheduled action and returns what it did; raises when it cannot (the processor records the error and retries). send_webhook queues a signed delivery of the event to its endpoint (the webhook dispatcher sends it).';
