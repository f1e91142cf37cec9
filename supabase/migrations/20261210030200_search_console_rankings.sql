-- Rankings from Google Search Console: its search analytics (query, page, country, device and day,
-- with clicks, impressions, CTR and average position) land in seo_rankings through
-- ingest_seo_rankings, next to a rank tracker's rows.
-- How Search Console's figures fill the rank-tracking fields:
--   keyword           the query, lower-cased
--   url               the page (Search Console reports one row per page a query showed)
--   location          the country (ISO 3166-1 alpha-2, lower case; Search Console's alpha-3 converted
--                     by the worker, 'zz' when Google does not know it)
--   device            desktop | mobile | tablet
--   position          the average position rounded to a whole place, NULL beyond 100
--   avg_position      the average position as reported (impression-weighted across the day's searches)
--   clicks, impressions, ctr   as reported
--   search_volume     unavailable: Search Console reports the site's impressions, not the query's volume (NULL)
--   featured_snippet  unavailable: Search Console does not report it per query (NULL)
-- A rank tracker's rows keep one row per keyword, engine, location, device and day; Search
-- Console's one per query, page, country, device and day.

create type public.ranking_source as enum ('rank_tracker', 'search_console');
comment on type public.ranking_source is 'Where a ranking comes from: a rank tracker (one position per keyword, engine, location, device and day) or Google Search Console (per query, page, country, device and day, with clicks and impressions).';

alter table public.seo_rankings
  add column source public.ranking_source not null default 'rank_tracker',
  add column clicks integer check (clicks >= 0),
  add column impressions integer check (impressions >= 0),
  add column ctr numeric(7, 6) check (ctr between 0 and 1),
  add column avg_position numeric(7, 2) check (avg_position >= 1),
  alter column featured_snippet drop not null,
  add constraint "a Search Console ranking names its page" check (source <> 'search_console' or url is not null);
comment on column public.seo_rankings.source is 'rank_tracker or search_console (see ranking_source).';
comment on column public.seo_rankings.clicks is 'Search Console: clicks from Google''s results to url for the query that day; NULL from a rank tracker.';
comment on column public.seo_rankings.impressions is 'Search Console: times url was shown for the query that day; NULL from a rank tracker.';
comment on column public.seo_rankings.ctr is 'Search Console: clicks / impressions as reported (0-1).';
comment on column public.seo_rankings.avg_position is 'Search Console: the average position as reported (position is it rounded, NULL beyond 100).';
comment on column public.seo_rankings.search_volume is 'Monthly searches of the keyword, where the source gives it (a rank tracker); NULL from Search Console, which does not.';
comment on column public.seo_rankings.featured_snippet is 'Whether the result was a featured snippet, where the source gives it (a rank tracker: true or false); NULL from Search Console, which does not.';
comment on column public.seo_rankings.location is 'A rank tracker''s location, or Search Console''s country as ISO 3166-1 alpha-2 in lower case (zz: unknown).';
comment on table public.seo_rankings is 'Keyword positions per day, from a rank tracker (one row per keyword, engine, location, device and day) or Search Console (one per query, page, country, device and day, with clicks, impressions and CTR). Written by ingest_seo_rankings (service, idempotent); kept seo_retention_days (default 365).';

alter table public.seo_rankings drop constraint seo_rankings_workspace_id_keyword_search_engine_location_de_key;
create unique index seo_rankings_tracker_key on public.seo_rankings (workspace_id, keyword, search_engine, location, device, tracked_on)
  where source = 'rank_tracker';
comment on index public.seo_rankings_tracker_key is 'A rank tracker''s ranking: one per keyword, engine, location, device and day.';
create unique index seo_rankings_search_console_key on public.seo_rankings (workspace_id, tracked_on, keyword, url, location, device)
  where source = 'search_console';
comment on index public.seo_rankings_search_console_key is 'A Search Console row: one per day, query, page, country and device.';

-- One ranking row's problem, or null.
create function private.seo_ranking_problem(p jsonb) returns text
language sql immutable set search_path = '' as $$
  select case
    when jsonb_typeof(p) is distinct from 'object' then 'row: must be an object'
    when coalesce(btrim(p ->> 'keyword'), '') = '' then 'keyword: is required'
    when p ->> 'tracked_on' is null or p ->> 'tracked_on' !~ '^\d{4}-\d{2}-\d{2}$' then 'tracked_on: is required (YYYY-MM-DD)'
    when p ->> 'position' is not null and (p ->> 'position') !~ '^\d{1,3}$' then 'position: must be a whole number 1-100'
    when p ->> 'source' is not null and p ->> 'source' not in ('rank_tracker', 'search_console')
      then 'source: must be rank_tracker or search_console'
    when p ->> 'source' = 'search_console' and coalesce(p ->> 'url', '') = '' then 'url: is required for search_console rows'
    when p ->> 'device' is not null and not (p ->> 'device' = any (enum_range(null::public.search_device)::text[]))
      then 'device: must be desktop, mobile or tablet'
    when p ->> 'search_engine' is not null and not (p ->> 'search_engine' = any (enum_range(null::public.search_engine)::text[]))
      then 'search_engine: must be google or bing'
    when p ->> 'clicks' is not null and (p ->> 'clicks') !~ '^\d{1,9}$' then 'clicks: must be a whole number'
    when p ->> 'impressions' is not null and (p ->> 'impressions') !~ '^\d{1,9}$' then 'impressions: must be a whole number'
    when p ->> 'ctr' is not null and (jsonb_typeof(p -> 'ctr') <> 'number' or (p ->> 'ctr')::numeric not between 0 and 1)
      then 'ctr: must be a number from 0 to 1'
    when p ->> 'avg_position' is not null and (jsonb_typeof(p -> 'avg_position') <> 'number' or (p ->> 'avg_position')::numeric < 1
                                                or (p ->> 'avg_position')::numeric >= 100000)
      then 'avg_position: must be a number of at least 1'
  end
$$;
comment on function private.seo_ranking_problem(jsonb) is 'Validates one row of ingest_seo_rankings; returns ''field: reason'' or null.';

create or replace function public.ingest_seo_rankings(p_workspace_id uuid, p_rows jsonb) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  n integer;
  m integer;
  bad record;
begin
  if p_workspace_id is null or p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    raise exception 'a workspace and an array of rankings are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('rankings', jsonb_array_length(p_rows), 5000);
  select x.i, x.problem into bad
  from (select e.ordinality - 1 as i, private.seo_ranking_problem(e.value) as problem
        from jsonb_array_elements(p_rows) with ordinality e) x
  where x.problem is not null
  limit 1;
  if bad.problem is not null then
    raise exception 'rankings[%].%', bad.i, bad.problem using errcode = '22023';
  end if;

  -- a rank tracker's rows: one per keyword, engine, location, device and day
  insert into public.seo_rankings as r (workspace_id, keyword, search_engine, location, device, tracked_on, position, url,
    search_volume, featured_snippet, source)
  select distinct on (lower(btrim(e ->> 'keyword')), coalesce(e ->> 'search_engine', 'google'), coalesce(e ->> 'location', 'us'),
                      coalesce(e ->> 'device', 'mobile'), (e ->> 'tracked_on')::date)
         p_workspace_id, lower(btrim(e ->> 'keyword')), coalesce(e ->> 'search_engine', 'google')::public.search_engine,
         coalesce(e ->> 'location', 'us'), coalesce(e ->> 'device', 'mobile')::public.search_device, (e ->> 'tracked_on')::date,
         (e ->> 'position')::smallint, e ->> 'url', (e ->> 'search_volume')::integer,
         coalesce((e ->> 'featured_snippet')::boolean, false), 'rank_tracker'
  from jsonb_array_elements(p_rows) e
  where coalesce(e ->> 'source', 'rank_tracker') = 'rank_tracker'
  on conflict (workspace_id, keyword, search_engine, location, device, tracked_on) where source = 'rank_tracker' do update set
    position = excluded.position, url = excluded.url, search_volume = excluded.search_volume,
    featured_snippet = excluded.featured_snippet
  where (r.position, r.url, r.search_volume, r.featured_snippet)
        is distinct from (excluded.position, excluded.url, excluded.search_volume, excluded.featured_snippet);
  get diagnostics n = row_count;

  -- Search Console's rows: one per day, query, page, country and device; volume and snippets unknown
  insert into public.seo_rankings as r (workspace_id, keyword, search_engine, location, device, tracked_on, position, url,
    search_volume, featured_snippet, source, clicks, impressions, ctr, avg_position)
  select distinct on ((e ->> 'tracked_on')::date, lower(btrim(e ->> 'keyword')), e ->> 'url', coalesce(e ->> 'location', 'zz'),
                      coalesce(e ->> 'device', 'mobile'))
         p_workspace_id, lower(btrim(e ->> 'keyword')), 'google', coalesce(e ->> 'location', 'zz'),
         coalesce(e ->> 'device', 'mobile')::public.search_device, (e ->> 'tracked_on')::date,
         coalesce((e ->> 'position')::smallint,
                  case when (e ->> 'avg_position')::numeric < 100.5 then round((e ->> 'avg_position')::numeric)::smallint end),
         e ->> 'url', null, null, 'search_console', (e ->> 'clicks')::integer, (e ->> 'impressions')::integer,
         round((e ->> 'ctr')::numeric, 6), round((e ->> 'avg_position')::numeric, 2)
  from jsonb_array_elements(p_rows) e
  where e ->> 'source' = 'search_console'
  on conflict (workspace_id, tracked_on, keyword, url, location, device) where source = 'search_console' do update set
    position = excluded.position, clicks = excluded.clicks, impressions = excluded.impressions, ctr = excluded.ctr,
    avg_position = excluded.avg_position
  where (r.position, r.clicks, r.impressions, r.ctr, r.avg_position)
        is distinct from (excluded.position, excluded.clicks, excluded.impressions, excluded.ctr, excluded.avg_position);
  get diagnostics m = row_count;
  return n + m;
end $$;
comment on function public.ingest_seo_rankings(uuid, jsonb) is 'Service: upserts up to 5000 rankings for one workspace. A rank tracker''s rows [{keyword, tracked_on, position?, search_engine?, location?, device?, url?, search_volume?, featured_snippet?}] are one per keyword, engine, location, device and day; Search Console''s [{source: "search_console", keyword, tracked_on, url, location, device, clicks, impressions, ctr, avg_position, position?}] one per day, query, page, country and device (search_volume and featured_snippet unavailable: NULL; position is avg_position rounded, NULL beyond 100). A repeated row replaces the earlier one. Returns the rows inserted or changed. 22023 names the first bad row and field; PT413 over 5000.';

-- Applying one page of Search Console rows to the job's workspace.
create function private.apply_search_console_page(p_job_id bigint, p_lease_id uuid, p_rows jsonb, p_progress jsonb,
  p_api_calls integer default 1)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs := private.begin_analytics_page(p_job_id, p_lease_id, p_progress, 'search_console');
  n integer := 0;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception 'p_rows must be an array of rankings' using errcode = '22023';
  end if;
  if jsonb_array_length(p_rows) > 0 then
    n := public.ingest_seo_rankings(j.workspace_id,
      (select jsonb_agg(e || '{"source": "search_console", "search_engine": "google"}') from jsonb_array_elements(p_rows) e));
  end if;
  perform private.count_analytics_page(j, p_api_calls, n);
  return n;
end $$;
comment on function private.apply_search_console_page(bigint, uuid, jsonb, jsonb, integer) is 'The analytics sync''s apply for Search Console: under the job''s lease, writes one page of search analytics rows (as ingest_seo_rankings'' search_console rows) to the job''s workspace and counts it in the run. Returns rows inserted or changed.';

-- ===== what dashboards read
create type public.search_dimension as enum ('query', 'page', 'country', 'device', 'day');
comment on type public.search_dimension is 'What search_performance groups Search Console''s rows by.';

create type public.search_performance_row as (
  key text,
  clicks bigint,
  impressions bigint,
  ctr numeric,
  avg_position numeric
);
comment on type public.search_performance_row is 'One row of search_performance: a query, page, country (alpha-2), device or day (YYYY-MM-DD) with its clicks and impressions (never null), CTR (clicks / impressions; NULL without impressions) and average position weighted by impressions (NULL without impressions).';

create function private.search_performance(p_workspace_id uuid, p_from date, p_to date, p_group_by public.search_dimension,
  p_limit integer)
returns setof public.search_performance_row
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_group_by is null or p_limit is null or p_limit not between 1 and 1000 then
    raise exception 'p_group_by is required and p_limit must be 1-1000' using errcode = '22023';
  end if;
  return query
  select k.key, sum(r.clicks)::bigint, sum(r.impressions)::bigint,
         round(sum(r.clicks)::numeric / nullif(sum(r.impressions), 0), 6),
         round(sum(r.avg_position * r.impressions) / nullif(sum(r.impressions), 0), 2)
  from public.seo_rankings r
  cross join lateral (select case p_group_by when 'query' then r.keyword when 'page' then r.url when 'country' then r.location
                                             when 'device' then r.device::text else r.tracked_on::text end as key) k
  where r.workspace_id = p_workspace_id and r.source = 'search_console' and r.tracked_on between p_from and p_to
  group by k.key
  order by case when p_group_by = 'day' then k.key end, sum(r.clicks) desc, sum(r.impressions) desc, k.key
  limit p_limit;
end $$;
comment on function private.search_performance(uuid, date, date, public.search_dimension, integer) is 'What public.search_performance returns, read as the owner after the viewer check.';

create function public.search_performance(p_workspace_id uuid, p_from date, p_to date,
  p_group_by public.search_dimension default 'query', p_limit integer default 100)
returns setof public.search_performance_row
language sql stable set search_path = '' as $$
  select * from private.search_performance(p_workspace_id, p_from, p_to, p_group_by, p_limit)
$$;
comment on function public.search_performance(uuid, date, date, public.search_dimension, integer) is 'Viewers: Search Console''s clicks, impressions, CTR and impression-weighted average position between two days, grouped by query, page, country, device or day (days in order; otherwise most clicks first), at most p_limit rows (1-1000). Reads what the Search Console sync wrote to seo_rankings. 22023 bad range or arguments; 42501 not a member.';

-- ===== grants
revoke all on function private.seo_ranking_problem(jsonb) from public;
revoke all on function private.apply_search_console_page(bigint, uuid, jsonb, jsonb, integer) from public;
revoke all on function private.search_performance(uuid, date, date, public.search_dimension, integer) from public;
revoke all on function public.search_performance(uuid, date, date, public.search_dimension, integer) from public;
grant execute on function private.seo_ranking_problem(jsonb) to service_role;
grant execute on function private.apply_search_console_page(bigint, uuid, jsonb, jsonb, integer) to service_role;
grant execute on function private.search_performance(uuid, date, date, public.search_dimension, integer) to authenticated, service_role;
grant execute on function public.search_performance(uuid, date, date, public.search_dimension, integer) to authenticated, service_role;
