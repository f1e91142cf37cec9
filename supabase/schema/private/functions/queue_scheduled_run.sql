CREATE OR REPLACE FUNCTION private.queue_scheduled_run(p_workspace_id uuid, p_capability text, p_kind public.agent_run_kind, p_dedupe_key text, p_input jsonb)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  agent uuid := private.agent_with_capability(p_workspace_id, p_capability);
  new_id uuid;
begin
  if agent is null or private.ai_budget_problem(p_workspace_id) is not null then
    return null;
  end if;
  insert into public.agent_runs (workspace_id, agent_id, trigger, kind, dedupe_key, input)
  values (p_workspace_id, agent, 'schedule', p_kind, p_dedupe_key, p_input)
  on conflict (workspace_id, dedupe_key) where dedupe_key is not null do nothing
  returning id into new_id;
  return new_id;
end $function$;
comment on function private.queue_scheduled_run(uuid,text,public.agent_run_kind,text,jsonb) is 'Queues a scheduled run for the workspace''s agent with the capability, once per dedupe key; nothing when no agent has it or the monthly AI budget is spent.';
