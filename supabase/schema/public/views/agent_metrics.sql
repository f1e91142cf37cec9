create view public.agent_metrics with (security_invoker=true) as
 SELECT a.workspace_id,
    a.id AS agent_id,
    a.key,
    a.name,
    a.status,
    count(r.id)::integer AS runs,
    count(r.id) FILTER (WHERE r.status = 'succeeded'::public.agent_run_status)::integer AS succeeded,
    count(r.id) FILTER (WHERE r.status = 'failed'::public.agent_run_status)::integer AS failed,
    round(count(r.id) FILTER (WHERE r.status = 'succeeded'::public.agent_run_status)::numeric / NULLIF(count(r.id) FILTER (WHERE r.status = ANY (ARRAY['succeeded'::public.agent_run_status, 'failed'::public.agent_run_status])), 0)::numeric, 4) AS success_rate,
    round(avg(r.duration_ms))::integer AS avg_duration_ms,
    percentile_disc(0.95::double precision) WITHIN GROUP (ORDER BY r.duration_ms) AS p95_duration_ms,
    COALESCE(sum(r.input_tokens + r.output_tokens), 0::numeric)::bigint AS tokens,
    COALESCE(sum(r.cost_micros), 0::numeric)::bigint AS cost_micros,
    max(r.created_at) AS last_run_at
   FROM public.agents a
     LEFT JOIN public.agent_runs r ON r.workspace_id = a.workspace_id AND r.agent_id = a.id
  GROUP BY a.workspace_id, a.id;
comment on view public.agent_metrics is 'Per agent: runs, outcomes, success rate (succeeded / finished), average and p95 duration (nearest rank), tokens and cost. Security invoker: the caller''s RLS applies.';
grant insert, select, update, delete, truncate, references, trigger on public.agent_metrics to service_role;
grant select on public.agent_metrics to authenticated;
