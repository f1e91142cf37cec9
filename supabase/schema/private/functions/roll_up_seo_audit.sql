CREATE OR REPLACE FUNCTION private.roll_up_seo_audit(p_workspace_id uuid, p_connection_id uuid, p_day date)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  site text;
begin
  select c.external_account_id into site from public.integration_connections c
  where c.id = p_connection_id and c.workspace_id = p_workspace_id;
  with day as (
    select a.* from public.seo_page_audits a
    where a.workspace_id = p_workspace_id and a.connection_id = p_connection_id and a.audited_on = p_day
      and a.vitals_source is not null
      and a.strategy = (select case when bool_or(x.strategy = 'mobile') then 'mobile' else 'desktop' end::public.pagespeed_strategy
                        from public.seo_page_audits x
                        where x.workspace_id = p_workspace_id and x.connection_id = p_connection_id and x.audited_on = p_day
                          and x.vitals_source is not null)
  ), issues as (
    select coalesce(jsonb_agg(jsonb_build_object('type', i.id, 'title', i.title, 'severity', i.severity, 'count', i.pages)
                              order by i.severity, i.pages desc, i.id), '[]') as list
    from (select e ->> 'id' as id, min(e ->> 'title') as title, min(e ->> 'severity') as severity, count(*)::int as pages
          from day d cross join lateral jsonb_array_elements(d.issues) e group by e ->> 'id') i
  )
  insert into public.seo_audits as s (workspace_id, site_url, crawled_at, audited_on, connection_id, pages_crawled, avg_lcp_ms,
    avg_inp_ms, avg_cls, performance_score, content_score, technical_score, critical_issues, high_priority_issues, issues,
    vitals_source)
  select p_workspace_id, site, max(d.fetched_at), p_day, p_connection_id, count(*)::int, round(avg(d.lcp_ms))::int,
         round(avg(d.inp_ms))::int, round(avg(d.cls), 4), round(avg(d.performance_score))::smallint,
         round(avg(d.seo_score))::smallint, round(avg(d.best_practices_score))::smallint,
         sum(d.critical_issues)::int, sum(d.high_priority_issues)::int, (select list from issues),
         case when bool_and(d.vitals_source = 'field') then 'field' when bool_and(d.vitals_source = 'lab') then 'lab' end::public.web_vitals_source
  from day d
  having count(*) > 0
  on conflict (workspace_id, site_url, audited_on) where audited_on is not null do update set
    crawled_at = excluded.crawled_at, connection_id = excluded.connection_id, pages_crawled = excluded.pages_crawled,
    avg_lcp_ms = excluded.avg_lcp_ms, avg_inp_ms = excluded.avg_inp_ms, avg_cls = excluded.avg_cls,
    performance_score = excluded.performance_score, content_score = excluded.content_score,
    technical_score = excluded.technical_score, critical_issues = excluded.critical_issues,
    high_priority_issues = excluded.high_priority_issues, issues = excluded.issues, vitals_source = excluded.vitals_source;
end $function$;
comment on function private.roll_up_seo_audit(uuid,uuid,date) is 'The site''s seo_audits row of a day from its page audits (the mobile strategy where any page was audited on mobile): pages, mean Core Web Vitals, mean scores (performance; content = Lighthouse SEO; technical = best practices), issue counts and the failing audits with how many pages fail each.';
