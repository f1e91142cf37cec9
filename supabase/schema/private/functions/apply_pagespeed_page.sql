CREATE OR REPLACE FUNCTION private.apply_pagespeed_page(p_job_id bigint, p_lease_id uuid, p_result jsonb, p_progress jsonb, p_api_calls integer DEFAULT 1)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs := private.begin_analytics_page(p_job_id, p_lease_id, p_progress, 'pagespeed');
  day date := (now() at time zone 'UTC')::date;
  n integer := 0;
  r jsonb := p_result;
  sc jsonb := coalesce(p_result -> 'scores', '{}');
begin
  if jsonb_typeof(r) is distinct from 'object' or coalesce(r ->> 'url', '') = ''
     or not coalesce(r ->> 'strategy', '') = any (enum_range(null::public.pagespeed_strategy)::text[]) then
    raise exception 'p_result needs url and strategy' using errcode = '22023';
  end if;
  insert into public.seo_page_audits as a (workspace_id, connection_id, url, strategy, audited_on, vitals_source, field_category,
    lcp_ms, inp_ms, cls, fcp_ms, ttfb_ms, tbt_ms, performance_score, seo_score, best_practices_score, accessibility_score,
    critical_issues, high_priority_issues, issues, lighthouse_version, fetched_at, error)
  values (j.workspace_id, j.connection_id, left(r ->> 'url', 2000), (r ->> 'strategy')::public.pagespeed_strategy, day,
    (r ->> 'vitals_source')::public.web_vitals_source, r ->> 'field_category',
    round((r ->> 'lcp_ms')::numeric)::int, round((r ->> 'inp_ms')::numeric)::int, round((r ->> 'cls')::numeric, 4),
    round((r ->> 'fcp_ms')::numeric)::int, round((r ->> 'ttfb_ms')::numeric)::int, round((r ->> 'tbt_ms')::numeric)::int,
    round((sc ->> 'performance')::numeric * 100)::smallint, round((sc ->> 'seo')::numeric * 100)::smallint,
    round((sc ->> 'best_practices')::numeric * 100)::smallint, round((sc ->> 'accessibility')::numeric * 100)::smallint,
    (select count(*)::int from jsonb_array_elements(coalesce(r -> 'issues', '[]')) e where e ->> 'severity' = 'critical'),
    (select count(*)::int from jsonb_array_elements(coalesce(r -> 'issues', '[]')) e where e ->> 'severity' = 'high'),
    coalesce(r -> 'issues', '[]'), left(r ->> 'lighthouse_version', 40), coalesce((r ->> 'fetched_at')::timestamptz, now()),
    left(r ->> 'error', 2000))
  on conflict (workspace_id, connection_id, audited_on, url, strategy) do update set
    vitals_source = excluded.vitals_source, field_category = excluded.field_category, lcp_ms = excluded.lcp_ms,
    inp_ms = excluded.inp_ms, cls = excluded.cls, fcp_ms = excluded.fcp_ms, ttfb_ms = excluded.ttfb_ms, tbt_ms = excluded.tbt_ms,
    performance_score = excluded.performance_score, seo_score = excluded.seo_score,
    best_practices_score = excluded.best_practices_score, accessibility_score = excluded.accessibility_score,
    critical_issues = excluded.critical_issues, high_priority_issues = excluded.high_priority_issues, issues = excluded.issues,
    lighthouse_version = excluded.lighthouse_version, fetched_at = excluded.fetched_at, error = excluded.error
  -- a later failure never replaces a good audit of the same day
  where excluded.error is null or a.vitals_source is null;
  get diagnostics n = row_count;
  perform private.roll_up_seo_audit(j.workspace_id, j.connection_id, day);
  perform private.count_analytics_page(j, p_api_calls, n);
  return n;
end $function$;
comment on function private.apply_pagespeed_page(bigint,uuid,jsonb,jsonb,integer) is 'The analytics sync''s apply for PageSpeed: under the job''s lease, writes one page''s audit of today ({url, strategy, vitals_source, field_category, lcp_ms, inp_ms, cls, fcp_ms, ttfb_ms, tbt_ms, scores: {performance, seo, best_practices, accessibility} (0-1), issues, lighthouse_version, fetched_at} or {url, strategy, error}), rolls the site''s day up into seo_audits and counts the page in the run. A failure never replaces a good audit of the same day.';
grant execute on function private.apply_pagespeed_page(bigint,uuid,jsonb,jsonb,integer) to service_role;
