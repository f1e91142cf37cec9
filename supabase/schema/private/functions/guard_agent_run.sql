CREATE OR REPLACE FUNCTION private.guard_agent_run()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  signed_in boolean := private.is_end_user();
begin
  if tg_op = 'INSERT' then
    if signed_in then
      new.trigger := 'manual';
      new.triggered_by := (select auth.uid());
    end if;
    if new.status <> 'queued' and signed_in then
      raise exception 'a run starts queued' using errcode = '22023';
    end if;
    -- (an agent the caller cannot see is left to the foreign key: 23503)
    if exists (select 1 from public.agents a
               where a.id = new.agent_id and a.workspace_id = new.workspace_id and a.status <> 'active') then
      raise exception 'this agent is not active; resume it before running it' using errcode = 'PT409';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if signed_in and new.status <> 'cancelled' then
      raise exception 'only the agent runtime moves a run to %; you can cancel it', new.status using errcode = '42501';
    end if;
    if not (old.status = 'queued' and new.status in ('running', 'cancelled')
            or old.status = 'running' and new.status in ('succeeded', 'failed', 'cancelled')) then
      raise exception 'a % run cannot become %', old.status, new.status using errcode = 'PT409';
    end if;
    if new.status = 'running' then
      new.started_at := coalesce(new.started_at, now());
    elsif new.status in ('succeeded', 'failed', 'cancelled') then
      new.finished_at := coalesce(new.finished_at, now());
    end if;
  end if;
  return new;
end $function$;
comment on function private.guard_agent_run() is 'BEFORE INSERT/UPDATE on agent_runs: signed-in users queue manual runs of active agents and may only cancel; status moves forward only; timings are stamped.';
