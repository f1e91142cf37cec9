CREATE OR REPLACE FUNCTION private.queue_scheduled_agent_work(p_day date DEFAULT (((now() AT TIME ZONE 'UTC'::text))::date - 1), p_workspace_id uuid DEFAULT NULL::uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  w record;
  anomalies jsonb;
  n integer := 0;
  c record;
  week date := (date_trunc('week', p_day::timestamp) - interval '7 days')::date;
begin
  for w in select x.id from public.workspaces x where p_workspace_id is null or x.id = p_workspace_id order by x.id loop
    -- the daily CEO briefing of p_day
    if private.queue_scheduled_run(w.id, 'write_briefing', 'ceo_briefing', 'ceo_briefing:daily:' || p_day,
         jsonb_build_object('briefing_kind', 'daily', 'period_start', p_day, 'period_end', p_day,
           'facts', private.workspace_week_figures(w.id, p_day) || jsonb_build_object(
             'day', p_day, 'pending_approvals', (select count(*) from public.agent_approvals a where a.workspace_id = w.id and a.status = 'pending'),
             'open_alerts', (select count(*) from public.ops_alerts a where a.workspace_id = w.id and a.status = 'open'),
             'anomalies', private.detect_anomalies(w.id, p_day)))) is not null then
      n := n + 1;
    end if;
    -- insights on what moved
    anomalies := private.detect_anomalies(w.id, p_day);
    if jsonb_array_length(anomalies) > 0 and private.queue_scheduled_run(w.id, 'insights', 'anomaly_insights',
         'anomaly_insights:' || p_day, jsonb_build_object('day', p_day, 'facts', anomalies)) is not null then
      n := n + 1;
    end if;
    -- commentary on last week's autopilot report, once it exists
    for c in select r.id, to_jsonb(r) - '{id,workspace_id,created_at,updated_at,ai_insights,commentary_run_id}'::text[] as facts
             from public.autopilot_weekly_reports r
             where r.workspace_id = w.id and r.week_start = week and r.ai_insights is null loop
      if private.queue_scheduled_run(w.id, 'report_commentary', 'report_commentary', 'report_commentary:' || c.id,
           jsonb_build_object('report_id', c.id, 'facts', c.facts)) is not null then
        n := n + 1;
      end if;
    end loop;
    -- forecasts of the active campaigns for the next 7 days
    if exists (select 1 from public.campaigns x where x.workspace_id = w.id and x.status = 'active') then
      if private.queue_scheduled_run(w.id, 'forecast', 'campaign_prediction', 'campaign_prediction:' || p_day,
           jsonb_build_object('period_start', p_day + 1, 'period_end', p_day + 7,
             'campaign_ids', (select jsonb_agg(x.id order by x.id) from public.campaigns x where x.workspace_id = w.id and x.status = 'active'),
             'facts', (select jsonb_agg(jsonb_build_object('campaign_id', x.id, 'name', x.name, 'budget_cents', x.budget_cents,
                        'last_28_days', (select jsonb_build_object('spend_cents', coalesce(sum(m.spend_cents), 0),
                           'revenue_cents', coalesce(sum(m.revenue_cents), 0), 'leads', coalesce(sum(m.leads), 0),
                           'conversions', coalesce(sum(m.conversions), 0), 'clicks', coalesce(sum(m.clicks), 0))
                          from public.campaign_metrics m where m.workspace_id = w.id and m.campaign_id = x.id
                            and m.day between p_day - 27 and p_day)) order by x.id)
                       from public.campaigns x where x.workspace_id = w.id and x.status = 'active'))) is not null then
        n := n + 1;
      end if;
    end if;
    -- drafts for calendar entries due within two weeks that have none
    for c in select e.id, e.title, e.description, e.content_type, e.channel, e.scheduled_for from public.content_calendar e
             where e.workspace_id = w.id and e.status in ('planned', 'in_progress') and e.generated_content_id is null
               and e.scheduled_for between now() and now() + interval '14 days'
             order by e.scheduled_for limit 10 loop
      if private.queue_scheduled_run(w.id, 'write_content', 'generated_content', 'generated_content:' || c.id,
           jsonb_build_object('content_calendar_id', c.id, 'brief', concat_ws(E'\n', c.title, c.description),
             'facts', jsonb_build_object('title', c.title, 'content_type', c.content_type, 'channel', c.channel,
                                         'scheduled_for', c.scheduled_for))) is not null then
        n := n + 1;
      end if;
    end loop;
  end loop;
  return n;
end $function$;
comment on function private.queue_scheduled_agent_work(date,uuid) is 'pg_cron (agent-scheduled-work, daily 06:00 UTC): per workspace (or only p_workspace_id), queues (once per key) the daily CEO briefing of p_day, insights when private.detect_anomalies finds something, commentary on last week''s autopilot report, forecasts of active campaigns for the next 7 days and drafts for calendar entries due within 14 days, each for the agent with the matching capability and only within the AI budget. Returns how many runs it queued.';
grant execute on function private.queue_scheduled_agent_work(date,uuid) to service_role;
