CREATE OR REPLACE FUNCTION private.seo_overview(p_workspace_id uuid, p_from date, p_to date)
 RETURNS private.seo_overview_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  o private.seo_overview_row;
  latest public.seo_audits;
  span integer := p_to - p_from + 1;
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  select * into latest from public.seo_audits a
  where a.workspace_id = p_workspace_id and coalesce(a.audited_on, (a.crawled_at at time zone 'UTC')::date) <= p_to
  order by coalesce(a.audited_on, (a.crawled_at at time zone 'UTC')::date) desc, a.audited_on is null, a.crawled_at desc
  limit 1;
  if latest.id is not null then
    o.audited_on := coalesce(latest.audited_on, (latest.crawled_at at time zone 'UTC')::date);
    o.pages_audited := latest.pages_crawled;
    o.performance_score := latest.performance_score;
    o.content_score := latest.content_score;
    o.technical_score := latest.technical_score;
    o.overall_score := latest.overall_score;
    o.avg_lcp_ms := latest.avg_lcp_ms;
    o.avg_inp_ms := latest.avg_inp_ms;
    o.avg_cls := latest.avg_cls;
    o.vitals_source := latest.vitals_source;
    o.critical_issues := latest.critical_issues;
    o.high_priority_issues := latest.high_priority_issues;
    select a.performance_score into o.previous_performance_score from public.seo_audits a
    where a.workspace_id = p_workspace_id and a.site_url = latest.site_url
      and coalesce(a.audited_on, (a.crawled_at at time zone 'UTC')::date) < o.audited_on
    order by coalesce(a.audited_on, (a.crawled_at at time zone 'UTC')::date) desc, a.crawled_at desc
    limit 1;
  end if;
  select coalesce(sum(r.clicks) filter (where r.tracked_on >= p_from), 0)::bigint,
         coalesce(sum(r.impressions) filter (where r.tracked_on >= p_from), 0)::bigint,
         round((sum(r.clicks) filter (where r.tracked_on >= p_from))::numeric
               / nullif(sum(r.impressions) filter (where r.tracked_on >= p_from), 0), 6),
         round((sum(r.avg_position * r.impressions) filter (where r.tracked_on >= p_from))
               / nullif(sum(r.impressions) filter (where r.tracked_on >= p_from), 0), 2),
         coalesce(sum(r.clicks) filter (where r.tracked_on < p_from), 0)::bigint,
         coalesce(sum(r.impressions) filter (where r.tracked_on < p_from), 0)::bigint,
         count(distinct r.keyword) filter (where r.tracked_on >= p_from),
         count(distinct r.url) filter (where r.tracked_on >= p_from and r.clicks > 0)
  into o.clicks, o.impressions, o.ctr, o.avg_position, o.previous_clicks, o.previous_impressions, o.queries, o.pages_with_clicks
  from public.seo_rankings r
  where r.workspace_id = p_workspace_id and r.source = 'search_console' and r.tracked_on between p_from - span and p_to;
  return o;
end $function$;
comment on function private.seo_overview(uuid,date,date) is 'What public.seo_overview returns, read as the owner after the viewer check.';
grant execute on function private.seo_overview(uuid,date,date) to authenticated;
grant execute on function private.seo_overview(uuid,date,date) to service_role;
