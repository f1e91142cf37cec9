create view public.agent_metrics_daily with (security_invoker=true) as
 SELECT r.workspace_id,
    r.agent_id,
    (r.created_at AT TIME ZONE 'UTC'::text)::date AS day,
    count(*)::integer AS runs,
    count(*) FILTER (WHERE r.status = 'succeeded'::public.agent_run_status)::integer AS succeeded,
    count(*) FILTER (WHERE r.status = 'failed'::public.agent_run_status)::integer AS failed,
    round(avg(r.duration_ms))::integer AS avg_duration_ms,
    sum(r.input_tokens + r.output_tokens)::bigint AS tokens,
    sum(r.cost_micros)::bigint AS cost_micros
   FROM public.agent_runs r
  GROUP BY r.workspace_id, r.agent_id, ((r.created_at AT TIME ZONE 'UTC'::text)::date);
comment on view public.agent_metrics_daily is 'Runs per agent and UTC day (by created_at) with outcomes, average duration, tokens and cost. Security invoker.';
grant insert, select, update, delete, truncate, references, trigger on public.agent_metrics_daily to service_role;
grant select on public.agent_metrics_daily to authenticated;
