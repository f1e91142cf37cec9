CREATE OR REPLACE FUNCTION public.ingest_seo_rankings(p_workspace_id uuid, p_rows jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function public.ingest_seo_rankings(uuid,jsonb) is 'Service: upserts up to 5000 rankings for one workspace. A rank tracker''s rows [{keyword, tracked_on, position?, search_engine?, location?, device?, url?, search_volume?, featured_snippet?}] are one per keyword, engine, location, device and day; Search Console''s [{source: "search_console", keyword, tracked_on, url, location, device, clicks, impressions, ctr, avg_position, position?}] one per day, query, page, country and device (search_volume and featured_snippet unavailable: NULL; position is avg_position rounded, NULL beyond 100). A repeated row replaces the earlier one. Returns the rows inserted or changed. 22023 names the first bad row and field; PT413 over 5000.';
grant execute on function public.ingest_seo_rankings(uuid,jsonb) to service_role;
