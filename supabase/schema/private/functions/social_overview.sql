CREATE OR REPLACE FUNCTION private.social_overview(p_workspace_id uuid, p_from date, p_to date)
 RETURNS SETOF private.social_overview_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t0 timestamptz := p_from::timestamp at time zone 'UTC';
  t1 timestamptz := (p_to + 1)::timestamp at time zone 'UTC';
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  return query
  with accts as (
    select a.platform, count(*)::int as n, sum(a.followers)::bigint as followers
    from public.social_accounts a where a.workspace_id = p_workspace_id group by a.platform
  ), days as (
    select a.platform,
           sum(d.reach)::bigint as reach, sum(d.profile_views)::bigint as profile_views,
           (sum(last.followers) - sum(first.followers))::bigint as change
    from public.social_accounts a
    left join lateral (select sum(x.reach) as reach, sum(x.profile_views) as profile_views from public.social_account_daily x
                       where x.social_account_id = a.id and x.workspace_id = a.workspace_id
                         and x.day between p_from and p_to) d on true
    left join lateral (select x.followers from public.social_account_daily x
                       where x.social_account_id = a.id and x.workspace_id = a.workspace_id
                         and x.day between p_from and p_to and x.followers is not null
                       order by x.day limit 1) first on true
    left join lateral (select x.followers from public.social_account_daily x
                       where x.social_account_id = a.id and x.workspace_id = a.workspace_id
                         and x.day between p_from and p_to and x.followers is not null
                       order by x.day desc limit 1) last on true
    where a.workspace_id = p_workspace_id
    group by a.platform
  ), posts as (
    select p.platform, count(*)::int as n, coalesce(sum(m.views), 0)::bigint as views,
           coalesce(sum(m.engagements), 0)::bigint as engagements, sum(m.reach)::bigint as reach
    from public.social_posts p
    left join lateral (select x.views, x.engagements, x.reach from public.social_analytics x
                       where x.workspace_id = p.workspace_id and x.social_post_id = p.id
                       order by x.measured_at desc limit 1) m on true
    where p.workspace_id = p_workspace_id and p.status = 'published' and p.published_at >= t0 and p.published_at < t1
    group by p.platform
  ), waiting as (
    select p.platform, count(*)::int as n from public.social_posts p
    where p.workspace_id = p_workspace_id and p.status = 'scheduled' and p.external_post_id is null
    group by p.platform
  ), platforms as (
    select platform from accts union select platform from posts union select platform from waiting
  )
  select pl.platform, coalesce(a.n, 0), a.followers, d.change, d.reach, d.profile_views, coalesce(ps.n, 0),
         coalesce(ps.views, 0), coalesce(ps.engagements, 0), ps.reach,
         round(ps.engagements::numeric / nullif(ps.reach, 0), 6), coalesce(w.n, 0)
  from platforms pl
  left join accts a on a.platform = pl.platform
  left join days d on d.platform = pl.platform
  left join posts ps on ps.platform = pl.platform
  left join waiting w on w.platform = pl.platform
  order by pl.platform;
end $function$;
comment on function private.social_overview(uuid,date,date) is 'What public.social_overview returns, read as the owner after the viewer check.';
grant execute on function private.social_overview(uuid,date,date) to authenticated;
grant execute on function private.social_overview(uuid,date,date) to service_role;
