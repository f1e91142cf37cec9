CREATE OR REPLACE FUNCTION private.guard_agent_run()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  signed_in boolean := private.is_end_user();
  problem text;
begin
  if tg_op = 'INSERT' then
    if signed_in then
      new.trigger := 'manual';
      new.triggered_by := (select auth.uid());
      if new.kind = 'chat' then
        raise exception 'chat runs start from the agent-chat function' using errcode = '22023';
      end if;
      if private.agent_run_claim() is not null then
        raise exception 'an agent run cannot queue runs' using errcode = '42501';
      end if;
    end if;
    if new.status <> 'queued' and signed_in then
      raise exception 'a run starts queued' using errcode = '22023';
    end if;
    -- (an agent the caller cannot see is left to the foreign key: 23503)
    if exists (select 1 from public.agents a
               where a.id = new.agent_id and a.workspace_id = new.workspace_id and a.status <> 'active') then
      raise exception 'this agent is not active; resume it before running it' using errcode = 'PT409';
    end if;
    problem := private.ai_budget_problem(new.workspace_id);
    if problem is not null then
      raise exception '%', problem using errcode = 'PT402', hint = 'raise the budget in agent_settings or wait for the new month';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if signed_in and new.status <> 'cancelled' then
      raise exception 'only the agent runtime moves a run to %; you can cancel it', new.status using errcode = '42501';
    end if;
    if not (old.status = 'queued' and new.status in ('running', 'cancelled')
            or old.status = 'queued' and new.status = 'failed' and not signed_in
            or old.status = 'running' and new.status in ('succeeded', 'failed', 'cancelled')) then
      raise exception 'a % run cannot become %', old.status, new.status using errcode = 'PT409';
    end if;
    if new.status = 'running' then
      new.started_at := coalesce(new.started_at, now());
    elsif new.status in ('succeeded', 'failed', 'cancelled') then
      new.finished_at := coalesce(new.finished_at, now());
      new.lease_expires_at := null;
    end if;
  end if;
  return new;
end $function$;
comment on function private.guard_agent_run() is 'BEFORE INSERT/UPDATE on agent_runs: signed-in users queue manual runs of active agents (not chat runs, never from an agent''s tools) and may only cancel; no run is queued when the workspace''s monthly AI budget is spent (PT402); status moves forward only (the runtime may fail a queued run it refuses); timings are stamped.';
