CREATE OR REPLACE FUNCTION public.ingest_seo_rankings(p_workspace_id uuid, p_rows jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
  bad jsonb;
begin
  if p_workspace_id is null or p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    raise exception 'a workspace and an array of rankings are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('rankings', jsonb_array_length(p_rows), 5000);
  select e into bad from jsonb_array_elements(p_rows) e
  where jsonb_typeof(e) <> 'object' or coalesce(btrim(e ->> 'keyword'), '') = '' or e ->> 'tracked_on' is null
     or (e ->> 'position' is not null and (e ->> 'position') !~ '^\d{1,3}$')
  limit 1;
  if bad is not null then
    raise exception 'each ranking needs keyword, tracked_on (a date) and an optional position 1-100: %', left(bad::text, 300)
      using errcode = '22023';
  end if;
  insert into public.seo_rankings as r (workspace_id, keyword, search_engine, location, device, tracked_on, position, url,
    search_volume, featured_snippet)
  select distinct on (lower(btrim(e ->> 'keyword')), coalesce(e ->> 'search_engine', 'google'), coalesce(e ->> 'location', 'us'),
                      coalesce(e ->> 'device', 'mobile'), (e ->> 'tracked_on')::date)
         p_workspace_id, lower(btrim(e ->> 'keyword')), coalesce(e ->> 'search_engine', 'google')::public.search_engine,
         coalesce(e ->> 'location', 'us'), coalesce(e ->> 'device', 'mobile')::public.search_device, (e ->> 'tracked_on')::date,
         (e ->> 'position')::smallint, e ->> 'url', (e ->> 'search_volume')::integer, coalesce((e ->> 'featured_snippet')::boolean, false)
  from jsonb_array_elements(p_rows) e
  on conflict (workspace_id, keyword, search_engine, location, device, tracked_on) do update set
    position = excluded.position, url = excluded.url, search_volume = excluded.search_volume,
    featured_snippet = excluded.featured_snippet;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function public.ingest_seo_rankings(uuid,jsonb) is 'Service: upserts up to 5000 rankings [{keyword, tracked_on, position?, search_engine?, location?, device?, url?, search_volume?, featured_snippet?}] for one workspace; a repeated row replaces the earlier one. Returns rows written.';
grant execute on function public.ingest_seo_rankings(uuid,jsonb) to service_role;
