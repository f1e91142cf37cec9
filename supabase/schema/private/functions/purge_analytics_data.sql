CREATE OR REPLACE FUNCTION private.purge_analytics_data(p_now timestamp with time zone DEFAULT now())
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  total integer := 0;
  n integer;
  today date := (p_now at time zone 'UTC')::date;
begin
  delete from public.seo_audits a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.crawled_at < p_now - make_interval(days => coalesce(s.seo_retention_days, 365));
  get diagnostics n = row_count; total := total + n;
  delete from public.seo_page_audits a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.audited_on < today - coalesce(s.seo_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.seo_rankings r using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where r.workspace_id = w.id and r.tracked_on < today - coalesce(s.seo_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.social_analytics a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.measured_at < p_now - make_interval(days => coalesce(s.social_retention_days, 365));
  get diagnostics n = row_count; total := total + n;
  delete from public.social_account_daily d using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where d.workspace_id = w.id and d.day < today - coalesce(s.social_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.ceo_briefings b using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where b.workspace_id = w.id and b.period_end < today - coalesce(s.briefing_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.user_analytics_events e using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where e.workspace_id = w.id and e.occurred_at < p_now - make_interval(days => coalesce(s.events_retention_days, 395));
  get diagnostics n = row_count; total := total + n;
  -- Whole months past the longest events window (730 days) go at once.
  perform private.drop_monthly_partitions('public.user_analytics_events', p_now - interval '731 days');
  return total;
end $function$;
comment on function private.purge_analytics_data(timestamp with time zone) is 'pg_cron job analytics-retention (daily): deletes SEO audits, page audits and rankings, social analytics and account days, CEO briefings and user events older than each workspace''s window (analytics_settings); drops event partitions past 731 days. Returns rows deleted.';
grant execute on function private.purge_analytics_data(timestamp with time zone) to service_role;
