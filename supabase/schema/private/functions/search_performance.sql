CREATE OR REPLACE FUNCTION private.search_performance(p_workspace_id uuid, p_from date, p_to date, p_group_by public.search_dimension, p_limit integer)
 RETURNS SETOF private.search_performance_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.search_performance(uuid,date,date,public.search_dimension,integer) is 'What public.search_performance returns, read as the owner after the viewer check.';
grant execute on function private.search_performance(uuid,date,date,public.search_dimension,integer) to authenticated;
grant execute on function private.search_performance(uuid,date,date,public.search_dimension,integer) to service_role;
