CREATE OR REPLACE FUNCTION private.agent_run_context(p_run_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.agent_runs;
  a public.agents;
  s public.agent_settings;
  ctx jsonb;
begin
  select * into r from public.agent_runs x where x.id = p_run_id;
  if not found or r.status <> 'running' then
    raise exception 'run % is not running', p_run_id using errcode = 'PT409';
  end if;
  select * into a from public.agents x where x.workspace_id = r.workspace_id and x.id = r.agent_id;
  s := private.agent_settings_for(r.workspace_id);
  with used as (
    update public.agent_training_examples t set usage_count = t.usage_count + 1
    where t.id in (select e.id from public.agent_training_examples e
                   where e.workspace_id = r.workspace_id and e.agent_id = r.agent_id and e.is_active and e.kind <> 'pattern'
                   order by e.created_at desc limit 5)
    returning t.kind, t.input, t.expected_output, t.was_correct
  )
  select jsonb_build_object(
    'run', jsonb_build_object('id', r.id, 'kind', r.kind, 'trigger', r.trigger, 'input', r.input, 'model', r.model,
                              'model_id', r.model_id, 'chat_session_id', r.chat_session_id, 'acting_user_id', r.acting_user_id),
    'agent', jsonb_build_object('id', a.id, 'key', a.key, 'name', a.name, 'role', a.role, 'description', a.description,
      'system_prompt', a.system_prompt, 'temperature', a.temperature, 'max_output_tokens', a.max_output_tokens,
      'formality', a.personality_formality, 'verbosity', a.personality_verbosity, 'warmth', a.personality_warmth,
      'greeting', a.preferred_greeting, 'signature', a.signature, 'capabilities', a.capabilities,
      'allowed_actions', a.allowed_actions),
    'workspace', (select jsonb_build_object('id', w.id, 'name', w.name, 'shop_domain', w.shop_domain,
                    'today', (now() at time zone 'UTC')::date,
                    'currency', (select o.currency from public.orders o where o.workspace_id = w.id order by o.processed_at desc limit 1),
                    'last_7_days', private.workspace_week_figures(w.id, (now() at time zone 'UTC')::date - 1))
                  from public.workspaces w where w.id = r.workspace_id),
    'limits', jsonb_build_object('max_steps', s.max_steps, 'max_run_tokens', s.max_run_tokens,
      'max_run_seconds', s.max_run_seconds, 'max_proposals_per_run', s.max_proposals_per_run,
      'monthly_budget_micros', s.monthly_budget_micros, 'spent_micros', private.ai_spend_this_month(r.workspace_id)),
    'examples', coalesce((select jsonb_agg(jsonb_build_object('kind', u.kind, 'input', u.input, 'expected', u.expected_output,
                                                             'approved', u.was_correct)) from used u), '[]'),
    'patterns', coalesce((select jsonb_agg(e.pattern) from public.agent_training_examples e
                          where e.workspace_id = r.workspace_id and e.agent_id = r.agent_id and e.is_active and e.kind = 'pattern'), '[]'))
  into ctx;
  return ctx;
end $function$;
comment on function private.agent_run_context(uuid) is 'The runtime''s view of a running run: agent and personality, the actions it may propose, model, workspace with its last 7 days, limits and budget, up to five recent training examples (their usage counted) and learned patterns.';
grant execute on function private.agent_run_context(uuid) to service_role;
