CREATE OR REPLACE FUNCTION private.draw_qc_sample(p_week_start date DEFAULT ((date_trunc('week'::text, (now() AT TIME ZONE 'UTC'::text)) - '7 days'::interval))::date)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  if p_week_start is null or extract(isodow from p_week_start) <> 1 then
    raise exception 'p_week_start must be a Monday' using errcode = '22023';
  end if;
  insert into public.agent_qc (workspace_id, run_id, check_name, result, details, checked_by)
  select s.workspace_id, s.id, 'weekly_sample', 'pending',
         jsonb_build_object('week_start', p_week_start, 'sampled', s.take, 'of', s.total), null
  from (
    select r.workspace_id, r.id, count(*) over w as total,
           least(5, greatest(1, ceil(count(*) over w * 0.1)))::integer as take,
           row_number() over (partition by r.workspace_id, r.agent_id order by md5(r.id::text || p_week_start::text)) as pick
    from public.agent_runs r
    where r.status = 'succeeded' and r.kind <> 'chat'
      and r.finished_at >= p_week_start::timestamp at time zone 'UTC'
      and r.finished_at < (p_week_start + 7)::timestamp at time zone 'UTC'
    window w as (partition by r.workspace_id, r.agent_id)
  ) s
  where s.pick <= s.take
  on conflict (run_id, check_name) do nothing;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.draw_qc_sample(date) is 'pg_cron (agent-qc-sample, Mondays): for each agent, 10% (1 to 5) of its runs that succeeded in the week starting p_week_start, drawn by a hash of run id and week, become pending weekly_sample checks in agent_qc for a member to judge. Idempotent per run.';
grant execute on function private.draw_qc_sample(date) to service_role;
