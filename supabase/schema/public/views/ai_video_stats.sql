create view public.ai_video_stats with (security_invoker=true) as
 SELECT p.workspace_id,
    count(*) AS projects,
    count(*) FILTER (WHERE p.status = 'completed'::public.ai_video_status) AS completed,
    count(*) FILTER (WHERE p.status = 'failed'::public.ai_video_status) AS failed,
    count(*) FILTER (WHERE p.status <> ALL (ARRAY['draft'::public.ai_video_status, 'completed'::public.ai_video_status, 'failed'::public.ai_video_status])) AS in_progress,
    count(*) FILTER (WHERE p.auto_generated) AS auto_generated,
    COALESCE(sum(j.cost_micros), 0::numeric)::bigint AS total_cost_micros,
    COALESCE(sum(j.jobs), 0::numeric)::bigint AS jobs,
    round(avg(EXTRACT(epoch FROM p.completed_at - p.started_at)) FILTER (WHERE p.status = 'completed'::public.ai_video_status), 1) AS avg_generation_seconds
   FROM public.ai_video_projects p
     LEFT JOIN ( SELECT j_1.project_id,
            sum(j_1.cost_micros) AS cost_micros,
            count(*) AS jobs
           FROM public.ai_video_jobs j_1
          GROUP BY j_1.project_id) j ON j.project_id = p.id
  GROUP BY p.workspace_id;
comment on view public.ai_video_stats is 'Per workspace: projects by state, autopilot share, total generation cost in USD micros (sum of job cost_micros), jobs, and mean seconds from start to completion of completed projects. RLS of the tables applies.';
grant insert, select, update, delete, truncate, references, trigger on public.ai_video_stats to service_role;
grant select on public.ai_video_stats to authenticated;
