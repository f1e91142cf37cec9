CREATE OR REPLACE FUNCTION private.enqueue_workflow_runs(p_trigger public.workflow_trigger, p_events jsonb, p_rule_id uuid DEFAULT NULL::uuid)
 RETURNS SETOF uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  lvl integer := coalesce(nullif(current_setting('growthbase.workflow_depth', true), '')::integer, 0);
begin
  if lvl >= 3 then
    return; -- a workflow's actions may start workflows, three levels deep at most
  end if;
  return query
  with ev as (
    select (e.value ->> 'workspace_id')::uuid as workspace_id, (e.value ->> 'entity_id')::uuid as entity_id,
           e.value -> 'subject' as subject
    from jsonb_array_elements(p_events) e
  ), m as materialized (
    select gen_random_uuid() as execution_id, r.id as rule_id, r.workspace_id, ev.entity_id, ev.subject, r.actions
    from ev
    join public.workflow_rules r on r.workspace_id = ev.workspace_id and r.trigger_type = p_trigger and r.active
    where (p_rule_id is null or r.id = p_rule_id) and private.conditions_match(r.conditions, ev.subject)
  ), ex as (
    insert into public.workflow_executions (id, workspace_id, rule_id, trigger_type, entity_id, subject, depth, actions_total, started_by)
    select m.execution_id, m.workspace_id, m.rule_id, p_trigger, m.entity_id, m.subject, lvl, jsonb_array_length(m.actions),
           case when p_trigger = 'manual' then (select auth.uid()) end
    from m
    returning id
  ), sa as (
    insert into public.scheduled_actions (workspace_id, execution_id, action_index, action_type, params, scheduled_for)
    select m.workspace_id, m.execution_id, (a.ordinality - 1)::integer, (a.value ->> 'type')::public.workflow_action_type,
           coalesce(a.value -> 'params', '{}'::jsonb),
           now() + make_interval(mins => coalesce((a.value ->> 'delay_minutes')::integer, 0))
    from m cross join lateral jsonb_array_elements(m.actions) with ordinality a
    returning 1
  )
  select ex.id from ex;
end $function$;
comment on function private.enqueue_workflow_runs(public.workflow_trigger,jsonb,uuid) is 'Starts an execution (and queues its actions) for every event and matching active rule; nothing at workflow depth 3.';
