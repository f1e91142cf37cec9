CREATE OR REPLACE FUNCTION private.seo_ranking_problem(p jsonb)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
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
$function$;
comment on function private.seo_ranking_problem(jsonb) is 'Validates one row of ingest_seo_rankings; returns ''field: reason'' or null.';
grant execute on function private.seo_ranking_problem(jsonb) to service_role;
