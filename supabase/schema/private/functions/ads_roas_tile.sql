CREATE OR REPLACE FUNCTION private.ads_roas_tile(p_workspace_id uuid, p_today date DEFAULT CURRENT_DATE)
 RETURNS SETOF private.ads_roas_tile_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if p_today is null then
    raise exception 'p_today is required' using errcode = '22023';
  end if;
  perform private.check_date_range(p_workspace_id, p_today - 60, p_today - 1);
  return query
  with w as (
    select sum(r.spend_cents) filter (where r.day >= p_today - 30) as spend,
           sum(r.revenue_cents) filter (where r.day >= p_today - 30) as revenue,
           sum(r.spend_cents) filter (where r.day < p_today - 30) as prev_spend,
           sum(r.revenue_cents) filter (where r.day < p_today - 30) as prev_revenue
    from private.ad_rollup_current(p_workspace_id, p_today - 60, p_today - 1) r
  ), k as (
    select coalesce(w.spend, 0)::bigint as spend, coalesce(w.revenue, 0)::bigint as revenue,
           case when w.spend > 0 then round(w.revenue::numeric / w.spend, 4) end as roas,
           case when w.prev_spend > 0 then round(w.prev_revenue::numeric / w.prev_spend, 4) end as prev
    from w
  )
  select k.spend, k.revenue, k.roas, k.prev,
         case when k.prev > 0 then round((k.roas - k.prev) / k.prev, 4) end
  from k;
end $function$;
comment on function private.ads_roas_tile(uuid,date) is 'What public.ads_roas_tile returns, read as the owner after one membership check (see the header).';
grant execute on function private.ads_roas_tile(uuid,date) to authenticated;
grant execute on function private.ads_roas_tile(uuid,date) to service_role;
