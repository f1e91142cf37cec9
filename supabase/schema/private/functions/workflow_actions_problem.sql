CREATE OR REPLACE FUNCTION private.workflow_actions_problem(p_trigger public.workflow_trigger, p_actions jsonb)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  a record;
  prm jsonb;
  extra text;
  uuid_re constant text := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
  lead_trigger boolean := p_trigger in ('lead_created', 'lead_status_changed', 'lead_score_changed', 'lead_activity_logged');
begin
  if jsonb_typeof(p_actions) is distinct from 'array' or jsonb_array_length(p_actions) not between 1 and 10 then
    return 'actions: give 1 to 10 actions';
  end if;
  for a in select e.value as v, e.ordinality - 1 as i from jsonb_array_elements(p_actions) with ordinality e loop
    if jsonb_typeof(a.v) <> 'object' then
      return format('actions[%s]: must be an object with type, params and optionally delay_minutes', a.i);
    end if;
    extra := private.unknown_keys(a.v, array['type', 'params', 'delay_minutes']);
    if extra is not null then return format('actions[%s]: unknown keys %s', a.i, extra); end if;
    if not coalesce(a.v ->> 'type' = any (enum_range(null::public.workflow_action_type)::text[]), false) then
      return format('actions[%s].type: must be one of %s', a.i,
                    array_to_string(enum_range(null::public.workflow_action_type)::text[], ', '));
    end if;
    if a.v ? 'delay_minutes' and ((a.v -> 'delay_minutes')::text !~ '^\d{1,5}$' or (a.v ->> 'delay_minutes')::integer > 43200) then
      return format('actions[%s].delay_minutes: a whole number of minutes from 0 to 43200 (30 days)', a.i);
    end if;
    prm := coalesce(a.v -> 'params', '{}'::jsonb);
    if jsonb_typeof(prm) <> 'object' then return format('actions[%s].params: must be an object', a.i); end if;
    case a.v ->> 'type'
    when 'create_task' then
      extra := private.unknown_keys(prm, array['title', 'campaign_id', 'priority', 'due_in_days', 'assignee_id']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if not private.is_text(prm -> 'title', 300) then
        return format('actions[%s].params.title: is required (text up to 300 characters)', a.i);
      end if;
      if prm ? 'campaign_id' and coalesce(prm ->> 'campaign_id', '') !~ uuid_re then
        return format('actions[%s].params.campaign_id: must be a campaign id', a.i);
      end if;
      if prm ? 'assignee_id' and coalesce(prm ->> 'assignee_id', '') !~ uuid_re then
        return format('actions[%s].params.assignee_id: must be a user id', a.i);
      end if;
      if prm ? 'priority' and not coalesce(prm ->> 'priority' = any (enum_range(null::public.task_priority)::text[]), false) then
        return format('actions[%s].params.priority: must be low, medium, high or urgent', a.i);
      end if;
      if prm ? 'due_in_days' and ((prm -> 'due_in_days')::text !~ '^\d{1,3}$' or (prm ->> 'due_in_days')::integer > 365) then
        return format('actions[%s].params.due_in_days: a whole number from 0 to 365', a.i);
      end if;
      if not prm ? 'campaign_id' and p_trigger = 'manual' then
        return format('actions[%s].params.campaign_id: a manual rule names the campaign its tasks go to', a.i);
      end if;
    when 'update_lead_status' then
      extra := private.unknown_keys(prm, array['status']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if not coalesce(prm ->> 'status' = any (enum_range(null::public.lead_status)::text[]), false) then
        return format('actions[%s].params.status: must be one of %s', a.i,
                      array_to_string(enum_range(null::public.lead_status)::text[], ', '));
      end if;
      if not lead_trigger then
        return format('actions[%s]: update_lead_status needs a lead trigger (lead_created, lead_status_changed, lead_score_changed, lead_activity_logged)', a.i);
      end if;
    when 'add_to_email_list' then
      extra := private.unknown_keys(prm, array['list_id']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if coalesce(prm ->> 'list_id', '') !~ uuid_re then
        return format('actions[%s].params.list_id: is required (an email list id)', a.i);
      end if;
      if not lead_trigger then
        return format('actions[%s]: add_to_email_list needs a lead trigger (lead_created, lead_status_changed, lead_score_changed, lead_activity_logged)', a.i);
      end if;
    when 'send_webhook' then
      extra := private.unknown_keys(prm, array['endpoint_id', 'event_type']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if coalesce(prm ->> 'endpoint_id', '') !~ uuid_re then
        return format('actions[%s].params.endpoint_id: is required (a webhook endpoint id)', a.i);
      end if;
      if prm ? 'event_type' and coalesce(prm ->> 'event_type', '') !~ '^[a-z][a-z0-9_.-]{0,99}$' then
        return format('actions[%s].params.event_type: an event name (lowercase letters, digits, . _ -)', a.i);
      end if;
    else -- log_activity
      extra := private.unknown_keys(prm, array['description']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if not private.is_text(prm -> 'description', 1000) then
        return format('actions[%s].params.description: is required (text up to 1000 characters)', a.i);
      end if;
    end case;
  end loop;
  return null;
end $function$;
comment on function private.workflow_actions_problem(public.workflow_trigger,jsonb) is 'Validates a workflow rule''s actions for its trigger; returns the first problem naming the action and field, or null. send_webhook {endpoint_id, event_type?} delivers the event to one of the workspace''s webhook endpoints.';
grant execute on function private.workflow_actions_problem(public.workflow_trigger,jsonb) to authenticated;
grant execute on function private.workflow_actions_problem(public.workflow_trigger,jsonb) to service_role;
