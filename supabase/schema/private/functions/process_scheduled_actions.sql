CREATE OR REPLACE FUNCTION private.process_scheduled_actions(p_limit integer DEFAULT 200)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  sa public.scheduled_actions;
  ex public.workflow_executions;
  res jsonb;
  touched uuid[] := '{}'::uuid[];
  n integer := 0;
begin
  for sa in
    select s.* from public.scheduled_actions s
    where s.status = 'pending' and s.scheduled_for <= now()
    order by s.scheduled_for, s.id
    limit p_limit
    for update skip locked
  loop
    select e.* into ex from public.workflow_executions e where e.id = sa.execution_id;
    if not exists (select 1 from public.workflow_rules r where r.id = ex.rule_id and r.active) then
      update public.scheduled_actions set status = 'cancelled', executed_at = now(),
        result = jsonb_build_object('reason', 'the rule was switched off') where id = sa.id;
    else
      begin
        perform set_config('growthbase.workflow_depth', (ex.depth + 1)::text, true);
        res := private.execute_workflow_action(sa, ex);
        perform set_config('growthbase.workflow_depth', '0', true);
        update public.scheduled_actions set status = 'succeeded', attempts = sa.attempts + 1, executed_at = now(),
          result = res, last_error = null where id = sa.id;
      exception when others then
        update public.scheduled_actions set
          attempts = sa.attempts + 1,
          status = case when sa.attempts + 1 >= sa.max_attempts then 'failed' else 'pending' end::public.scheduled_action_status,
          scheduled_for = case when sa.attempts + 1 >= sa.max_attempts then sa.scheduled_for
                               else now() + make_interval(mins => power(2, sa.attempts)::integer) end,
          executed_at = case when sa.attempts + 1 >= sa.max_attempts then now() end,
          last_error = left(sqlerrm, 2000)
        where id = sa.id;
      end;
    end if;
    touched := touched || sa.execution_id;
    n := n + 1;
  end loop;
  if n > 0 then
    perform private.refresh_workflow_executions(touched);
  end if;
  return n;
end $function$;
comment on function private.process_scheduled_actions(integer) is 'pg_cron job workflow-scheduled-actions (every minute): executes up to p_limit due actions exactly once each, even with concurrent workers; returns how many it handled.';
grant execute on function private.process_scheduled_actions(integer) to service_role;
