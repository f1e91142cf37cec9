CREATE OR REPLACE FUNCTION private.claim_agent_runs(p_limit integer DEFAULT 4, p_lease_seconds integer DEFAULT 300, p_model_override text DEFAULT NULL::text)
 RETURNS SETOF private.agent_run_claim
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r record;
  m public.ai_models;
  actor uuid;
  why text;
begin
  if p_limit is null or p_limit < 1 or p_lease_seconds is null or p_lease_seconds not between 10 and 3600 then
    raise exception 'p_limit must be at least 1 and p_lease_seconds from 10 to 3600' using errcode = '22023';
  end if;
  perform private.require_batch_size('runs', p_limit, 50);
  -- runs whose runtime stopped without finishing them
  update public.agent_runs set status = 'failed',
    error = 'the agent runtime stopped before the run finished (its lease lapsed); queue it again'
  where status = 'running' and lease_expires_at <= now();

  for r in
    select x.*, to_jsonb(a) as agent_json from public.agent_runs x
    join public.agents a on a.workspace_id = x.workspace_id and a.id = x.agent_id
    where x.status = 'queued' and x.kind <> 'chat'
    order by x.created_at, x.id
    limit p_limit
    for update of x skip locked
  loop
    m := private.agent_run_model(jsonb_populate_record(null::public.agents, r.agent_json), p_model_override);
    actor := private.agent_run_actor(r.workspace_id, r.triggered_by, (r.agent_json ->> 'created_by')::uuid);
    why := coalesce(
      case when r.agent_json ->> 'status' <> 'active' then format('the agent is %s', r.agent_json ->> 'status') end,
      private.ai_budget_problem(r.workspace_id),
      case when m.id is null then format('the model %s is not in the model registry (it has no prices)',
                                         coalesce(p_model_override, 'of this agent')) end,
      case when actor is null then 'nobody in the workspace can act for this run' end);
    if why is not null then
      update public.agent_runs set status = 'failed', error = left(why, 4000) where id = r.id;
      continue;
    end if;
    update public.agent_runs set status = 'running', acting_user_id = actor, model = m.model, model_id = m.id,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds)
    where id = r.id;
    return next row(r.id, r.workspace_id, r.agent_id, r.kind, actor, m.model, m.id, m.provider, r.chat_session_id,
                    now() + make_interval(secs => p_lease_seconds))::private.agent_run_claim;
  end loop;
end $function$;
comment on function private.claim_agent_runs(integer,integer,text) is 'The agent runtime''s claim: fails runs whose lease lapsed, then leases up to p_limit queued runs (FOR UPDATE SKIP LOCKED), each with its model from the registry and the member its tools act as; a run it cannot start (agent paused, budget spent, model without prices, nobody to act as) fails with the reason.';
grant execute on function private.claim_agent_runs(integer,integer,text) to service_role;
