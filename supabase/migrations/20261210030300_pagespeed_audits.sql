-- Core Web Vitals and audits from PageSpeed Insights (runPagespeed), daily, for a shop's key pages.
-- - An admin connects a site (public.connect_pagespeed): a pagespeed connection whose account is
--   the site's origin, audited with the deployment's PageSpeed API key, and its home page as the
--   first key page. Members list the key pages (public.seo_key_pages, on the site's host).
-- - Every day the analytics sync audits each key page once per strategy (one runPagespeed call
--   each) and writes one public.seo_page_audits row per page, strategy and day: Core Web Vitals
--   from the field (CrUX, the page's own loadingExperience: LCP, INP, CLS, FCP, TTFB at the 75th
--   percentile) where Google has them, from the lab (Lighthouse) otherwise (INP has no lab value:
--   NULL; total blocking time is lab only), the four Lighthouse category scores (0-100) and the
--   failing audits.
-- - The day's site row in public.seo_audits is rolled up from its page rows as they arrive
--   (the mobile strategy where audited, as Google indexes mobile-first): pages audited, mean
--   LCP/INP/CLS, performance_score (Lighthouse performance), content_score (Lighthouse SEO),
--   technical_score (Lighthouse best practices), and the issue counts: critical = failing audits
--   that count toward a category score (weight > 0, score < 0.5), high priority = other failing
--   audits (score < 0.5).

create type public.pagespeed_strategy as enum ('mobile', 'desktop');
comment on type public.pagespeed_strategy is 'The device PageSpeed Insights emulates (and whose field data it reports).';
create type public.web_vitals_source as enum ('field', 'lab');
comment on type public.web_vitals_source is 'Where a page audit''s Core Web Vitals come from: field (real Chrome users, CrUX, 75th percentile of the last 28 days) or lab (one Lighthouse run).';

-- ===== key pages
create table public.seo_key_pages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid not null,
  url text not null check (url ~ '^https?://[^/?#\s]+' and char_length(url) <= 2000),
  label text check (char_length(btrim(label)) between 1 and 120),
  strategy public.pagespeed_strategy not null default 'mobile',
  enabled boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, connection_id, url, strategy),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade
);
comment on table public.seo_key_pages is 'The pages of a PageSpeed site audited every day (home, a collection, a best-selling product ...), once per strategy. Members manage them; a page must be on the connected site''s host, at most 50 per site.';
alter table public.seo_key_pages enable row level security;
grant select, delete on public.seo_key_pages to authenticated;
grant insert (workspace_id, connection_id, url, label, strategy, enabled) on public.seo_key_pages to authenticated;
grant update (url, label, strategy, enabled) on public.seo_key_pages to authenticated;
select private.install_row_triggers('public.seo_key_pages');
select private.tenant_policies('public.seo_key_pages', 'viewer', 'member');
create index seo_key_pages_connection_idx on public.seo_key_pages (workspace_id, connection_id);
create index seo_key_pages_created_by_idx on public.seo_key_pages (created_by);
create trigger stamp_actor before insert on public.seo_key_pages for each row execute function private.stamp_actor('created_by');

create function private.check_seo_key_page() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  c public.integration_connections;
begin
  select * into c from public.integration_connections where id = new.connection_id and workspace_id = new.workspace_id;
  if not found or c.provider <> 'pagespeed' then
    raise exception 'connection_id must be a PageSpeed site of this workspace' using errcode = '22023';
  end if;
  if substring(lower(new.url) from '^https?://([^/?#:]+)') is distinct from substring(lower(c.external_account_id) from '^https?://([^/?#:]+)') then
    raise exception 'url must be on the connected site (%)', c.external_account_id using errcode = '22023';
  end if;
  if tg_op = 'INSERT' and (select count(*) from public.seo_key_pages p where p.connection_id = new.connection_id) >= 50 then
    raise exception 'a site has at most 50 key pages' using errcode = 'PT413', hint = 'remove a page first';
  end if;
  return new;
end $$;
comment on function private.check_seo_key_page() is 'BEFORE INSERT/UPDATE on seo_key_pages: the connection is a PageSpeed site of the workspace, the page is on its host, and a site has at most 50 key pages (PT413).';
create trigger check_seo_key_page before insert or update of url, connection_id on public.seo_key_pages
  for each row execute function private.check_seo_key_page();
select private.exempt_user_deletion('public.seo_key_pages', 'check_seo_key_page');

-- ===== page audits
create table public.seo_page_audits (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid not null,
  url text not null check (char_length(url) <= 2000),
  strategy public.pagespeed_strategy not null,
  audited_on date not null,
  vitals_source public.web_vitals_source,
  field_category text check (field_category in ('FAST', 'AVERAGE', 'SLOW')),
  lcp_ms integer check (lcp_ms >= 0),
  inp_ms integer check (inp_ms >= 0),
  cls numeric(6, 4) check (cls >= 0),
  fcp_ms integer check (fcp_ms >= 0),
  ttfb_ms integer check (ttfb_ms >= 0),
  tbt_ms integer check (tbt_ms >= 0),
  performance_score smallint check (performance_score between 0 and 100),
  seo_score smallint check (seo_score between 0 and 100),
  best_practices_score smallint check (best_practices_score between 0 and 100),
  accessibility_score smallint check (accessibility_score between 0 and 100),
  critical_issues integer not null default 0 check (critical_issues >= 0),
  high_priority_issues integer not null default 0 check (high_priority_issues >= 0),
  issues jsonb not null default '[]'::jsonb check (jsonb_typeof(issues) = 'array'),
  lighthouse_version text check (char_length(lighthouse_version) <= 40),
  fetched_at timestamptz,
  error text check (char_length(error) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, connection_id, audited_on, url, strategy),
  constraint "an audit has vitals or an error" check (vitals_source is not null or error is not null),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade
);
comment on table public.seo_page_audits is 'PageSpeed Insights of one key page, strategy and day: Core Web Vitals (field where Google has them, else lab), Lighthouse scores and failing audits, or the error Lighthouse gave for the page. Written by the analytics sync; viewers read; kept seo_retention_days.';
comment on column public.seo_page_audits.vitals_source is 'field: lcp/inp/cls/fcp/ttfb are CrUX''s 75th percentile for this page over 28 days; lab: they are one Lighthouse run''s (inp NULL: it has no lab value). NULL when the audit failed.';
comment on column public.seo_page_audits.field_category is 'CrUX''s overall verdict for the page (FAST, AVERAGE, SLOW) where field data exists.';
comment on column public.seo_page_audits.tbt_ms is 'Total blocking time, lab only (Lighthouse''s stand-in for responsiveness).';
comment on column public.seo_page_audits.issues is 'Failing Lighthouse audits: [{"id", "title", "score", "severity": "critical" | "high", "category"}]; critical when it counts toward a category score.';
comment on column public.seo_page_audits.error is 'Why PageSpeed could not audit the page (Lighthouse''s error), when it could not.';
alter table public.seo_page_audits enable row level security;
grant select on public.seo_page_audits to authenticated;
select private.install_row_triggers('public.seo_page_audits');
select private.tenant_policy('public.seo_page_audits', 'select', 'viewer');
create index seo_page_audits_connection_idx on public.seo_page_audits (workspace_id, connection_id, audited_on desc);
create index seo_page_audits_url_idx on public.seo_page_audits (workspace_id, url, audited_on desc);

-- ===== the site's day in seo_audits
alter table public.seo_audits add column audited_on date, add column connection_id uuid,
  add column vitals_source public.web_vitals_source,
  add constraint seo_audits_connection_fkey foreign key (workspace_id, connection_id)
    references public.integration_connections (workspace_id, id) on delete set null (connection_id);
comment on column public.seo_audits.audited_on is 'PageSpeed: the day the row rolls up (one per site and day); NULL for a crawler''s rows.';
comment on column public.seo_audits.connection_id is 'PageSpeed: the site''s connection; NULL for a crawler''s rows.';
comment on column public.seo_audits.vitals_source is 'PageSpeed: field when every page''s Core Web Vitals came from CrUX, lab when none did, NULL when mixed or from a crawler.';
comment on table public.seo_audits is 'Daily SEO audits with Core Web Vitals and scores: a crawler''s rows, or PageSpeed''s (one per site and day, rolled up from seo_page_audits by the analytics sync). Service writes; kept seo_retention_days (default 365).';
create unique index seo_audits_site_day_key on public.seo_audits (workspace_id, site_url, audited_on) where audited_on is not null;
create index seo_audits_connection_idx on public.seo_audits (workspace_id, connection_id);

create function private.roll_up_seo_audit(p_workspace_id uuid, p_connection_id uuid, p_day date) returns void
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.roll_up_seo_audit(uuid, uuid, date) is 'The site''s seo_audits row of a day from its page audits (the mobile strategy where any page was audited on mobile): pages, mean Core Web Vitals, mean scores (performance; content = Lighthouse SEO; technical = best practices), issue counts and the failing audits with how many pages fail each.';

-- What the worker audits for a connection today.
create function private.pagespeed_pages(p_connection_id uuid)
returns table (url text, strategy public.pagespeed_strategy)
language sql stable security definer set search_path = '' as $$
  select p.url, p.strategy from public.seo_key_pages p
  where p.connection_id = p_connection_id and p.enabled
  order by p.url, p.strategy
$$;
comment on function private.pagespeed_pages(uuid) is 'Service (the analytics sync): the enabled key pages of a PageSpeed site, in a stable order (the job''s progress counts through them).';

-- One page's result (or error) for the job's site.
create function private.apply_pagespeed_page(p_job_id bigint, p_lease_id uuid, p_result jsonb, p_progress jsonb,
  p_api_calls integer default 1)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.apply_pagespeed_page(bigint, uuid, jsonb, jsonb, integer) is 'The analytics sync''s apply for PageSpeed: under the job''s lease, writes one page''s audit of today ({url, strategy, vitals_source, field_category, lcp_ms, inp_ms, cls, fcp_ms, ttfb_ms, tbt_ms, scores: {performance, seo, best_practices, accessibility} (0-1), issues, lighthouse_version, fetched_at} or {url, strategy, error}), rolls the site''s day up into seo_audits and counts the page in the run. A failure never replaces a good audit of the same day.';

-- ===== connecting a site
create function private.connect_pagespeed(p_workspace_id uuid, p_site_url text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  origin text := substring(lower(btrim(p_site_url)) from '^(https?://[^/?#\s]+)');
  cid uuid;
begin
  if p_workspace_id is null or origin is null or char_length(origin) > 255 then
    raise exception 'p_site_url must be an http(s) URL of the site' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'admin');
  end if;
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, connected_by,
                                                   metadata)
  values (p_workspace_id, 'pagespeed', origin, 'active', (select auth.uid()), jsonb_build_object('connected_via', 'api_key'))
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active', last_error = null,
    connected_by = coalesce(excluded.connected_by, c.connected_by)
  returning c.id into cid;
  -- a site has no token: connecting again is how an admin says the key works again
  update public.integration_connections set health = 'ok', health_changed_at = now(), consecutive_failures = 0,
    throttled_until = null
  where id = cid and health = 'reauth_required';
  if found then
    perform private.connection_alert(cid, 'ok', null);
    perform private.resume_connection_jobs(cid);
  end if;
  insert into public.seo_key_pages (workspace_id, connection_id, url, label, strategy)
  values (p_workspace_id, cid, origin || '/', 'Home', 'mobile')
  on conflict (workspace_id, connection_id, url, strategy) do nothing;
  return cid;
end $$;
comment on function private.connect_pagespeed(uuid, text) is 'What public.connect_pagespeed does, as the owner after the admin check.';

create function public.connect_pagespeed(p_workspace_id uuid, p_site_url text) returns uuid
language sql volatile set search_path = '' as $$
  select private.connect_pagespeed(p_workspace_id, p_site_url)
$$;
comment on function public.connect_pagespeed(uuid, text) is 'Admins: connects a site to PageSpeed Insights (a pagespeed connection whose account is the URL''s origin, audited with the deployment''s API key), adds its home page as the first key page (mobile) and queues today''s audit. Connecting again reactivates it and, when it needed reconnecting (the API key was refused), makes it ok and resumes its waiting audits. Returns the connection id. 22023 not an http(s) URL; 42501 not an admin.';

-- ===== what the SEO dashboard reads
create type public.seo_overview_row as (
  audited_on date,
  pages_audited integer,
  performance_score smallint,
  content_score smallint,
  technical_score smallint,
  overall_score smallint,
  avg_lcp_ms integer,
  avg_inp_ms integer,
  avg_cls numeric,
  vitals_source public.web_vitals_source,
  critical_issues integer,
  high_priority_issues integer,
  previous_performance_score smallint,
  clicks bigint,
  impressions bigint,
  ctr numeric,
  avg_position numeric,
  previous_clicks bigint,
  previous_impressions bigint,
  queries bigint,
  pages_with_clicks bigint
);
comment on type public.seo_overview_row is 'seo_overview''s single row. The latest audit up to p_to (PageSpeed''s site row, else a crawler''s): audited_on and the rest NULL without one; previous_performance_score the audit before it. Search Console over the range and the same number of days before it: clicks, impressions, queries and pages_with_clicks never null (0 without data); ctr and avg_position NULL without impressions.';

create function private.seo_overview(p_workspace_id uuid, p_from date, p_to date)
returns public.seo_overview_row
language plpgsql stable security definer set search_path = '' as $$
declare
  o public.seo_overview_row;
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
end $$;
comment on function private.seo_overview(uuid, date, date) is 'What public.seo_overview returns, read as the owner after the viewer check.';

create function public.seo_overview(p_workspace_id uuid, p_from date, p_to date)
returns public.seo_overview_row
language sql stable set search_path = '' as $$
  select private.seo_overview(p_workspace_id, p_from, p_to)
$$;
comment on function public.seo_overview(uuid, date, date) is 'Viewers: the SEO dashboard in one call: the latest audit up to p_to (scores, Core Web Vitals and where they came from, issue counts, the previous performance score) and Search Console''s clicks, impressions, CTR and average position over the range against the days before it. Reads what the PageSpeed and Search Console syncs wrote. 22023 bad range; 42501 not a member.';

-- ===== grants
revoke all on function private.check_seo_key_page() from public;
revoke all on function private.roll_up_seo_audit(uuid, uuid, date) from public;
revoke all on function private.pagespeed_pages(uuid) from public;
revoke all on function private.apply_pagespeed_page(bigint, uuid, jsonb, jsonb, integer) from public;
revoke all on function private.connect_pagespeed(uuid, text) from public;
revoke all on function public.connect_pagespeed(uuid, text) from public;
revoke all on function private.seo_overview(uuid, date, date) from public;
revoke all on function public.seo_overview(uuid, date, date) from public;
grant execute on function private.pagespeed_pages(uuid), private.apply_pagespeed_page(bigint, uuid, jsonb, jsonb, integer)
  to service_role;
grant execute on function private.connect_pagespeed(uuid, text), public.connect_pagespeed(uuid, text) to authenticated, service_role;
grant execute on function private.seo_overview(uuid, date, date), public.seo_overview(uuid, date, date) to authenticated, service_role;
