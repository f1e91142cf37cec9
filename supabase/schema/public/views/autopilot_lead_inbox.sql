create view public.autopilot_lead_inbox with (security_invoker=true) as
 SELECT l.workspace_id,
    l.id AS lead_id,
    l.email,
    NULLIF(concat_ws(' '::text, l.first_name, l.last_name), ''::text) AS full_name,
    l.company,
    l.source,
    l.status,
    l.score,
    l.score >= COALESCE(c.hot_lead_score, 50) AS is_hot,
    l.campaign_id,
    cp.name AS campaign_name,
    l.owner_id,
    l.last_activity_at,
    la.activity_type AS last_activity_type,
    COALESCE(a7.n, 0) AS activities_7d,
    l.created_at
   FROM public.leads l
     LEFT JOIN public.autopilot_configs c ON c.workspace_id = l.workspace_id
     LEFT JOIN public.campaigns cp ON cp.workspace_id = l.workspace_id AND cp.id = l.campaign_id
     LEFT JOIN LATERAL ( SELECT a.activity_type
           FROM public.lead_activities a
          WHERE a.workspace_id = l.workspace_id AND a.lead_id = l.id
          ORDER BY a.occurred_at DESC, a.id DESC
         LIMIT 1) la ON true
     LEFT JOIN LATERAL ( SELECT count(*)::integer AS n
           FROM public.lead_activities a
          WHERE a.workspace_id = l.workspace_id AND a.lead_id = l.id AND a.occurred_at >= (now() - '7 days'::interval)) a7 ON true
  WHERE l.status = ANY (ARRAY['new'::public.lead_status, 'contacted'::public.lead_status, 'qualified'::public.lead_status, 'nurturing'::public.lead_status]);
comment on view public.autopilot_lead_inbox is 'Open leads (new, contacted, qualified, nurturing) for the autopilot inbox: score, hot when score >= the workspace''s hot_lead_score (default 50), latest activity and activities in the last 7 days. A view over leads, so always current; runs with the caller''s rights.';
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_lead_inbox to service_role;
grant select on public.autopilot_lead_inbox to authenticated;
