CREATE OR REPLACE FUNCTION private.record_agent_query(p_run_id uuid, p_purpose text, p_succeeded boolean, p_input_tokens integer, p_cached_input_tokens integer, p_output_tokens integer, p_latency_ms integer, p_request jsonb, p_response jsonb, p_error text DEFAULT NULL::text, p_lease_seconds integer DEFAULT 300)
 RETURNS private.agent_query_logged
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.agent_runs;
  q public.agent_queries;
  out_row private.agent_query_logged;
begin
  select * into r from public.agent_runs x where x.id = p_run_id for update;
  if not found then
    raise exception 'no run %', p_run_id using errcode = 'PT404';
  end if;
  insert into public.agent_queries (workspace_id, agent_id, run_id, provider, model, model_id, purpose, status,
    input_tokens, cached_input_tokens, output_tokens, latency_ms, request, response, error)
  select r.workspace_id, r.agent_id, r.id, coalesce(m.provider, 'openai'), coalesce(r.model, 'unknown'), r.model_id,
    left(p_purpose, 200), case when p_succeeded then 'succeeded' else 'failed' end::public.agent_query_status,
    greatest(coalesce(p_input_tokens, 0), 0), least(greatest(coalesce(p_cached_input_tokens, 0), 0), greatest(coalesce(p_input_tokens, 0), 0)),
    greatest(coalesce(p_output_tokens, 0), 0), greatest(p_latency_ms, 0), coalesce(p_request, '{}'), p_response, left(p_error, 4000)
  from (select 1) one left join public.ai_models m on m.id = r.model_id
  returning * into q;
  update public.agent_runs set steps = steps + 1,
    lease_expires_at = case when status = 'running' then greatest(lease_expires_at, now() + make_interval(secs => p_lease_seconds)) end
  where id = r.id
  returning * into r;
  out_row := row(q.id, coalesce(q.cost_micros, 0), r.cost_micros, r.input_tokens + r.output_tokens,
                 private.ai_spend_this_month(r.workspace_id),
                 (private.agent_settings_for(r.workspace_id)).monthly_budget_micros, r.status)::private.agent_query_logged;
  return out_row;
end $function$;
comment on function private.record_agent_query(uuid,text,boolean,integer,integer,integer,integer,jsonb,jsonb,text,integer) is 'The runtime after each model call: logs it in agent_queries (priced from the registry, redacted), counts the step, extends the run''s lease and returns the call''s and the run''s cost and tokens and the month''s spend against the budget, and the run''s status (cancelled meanwhile: the loop stops).';
grant execute on function private.record_agent_query(uuid,text,boolean,integer,integer,integer,integer,jsonb,jsonb,text,integer) to service_role;
