CREATE OR REPLACE FUNCTION private.dashboard_tiles(p_workspace_id uuid, p_today date)
 RETURNS private.dashboard_tiles_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$declare
  t private.dashboard_tiles_row;
begin
  if p_workspace_id is null or p_today is null then
    raise exception 'workspace and date are required' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
  t.as_of := p_today;

  -- Revenue: net revenue of uncancelled orders, in the currency that sold most over both windows.
  with days as (
    select r.currency, r.day, r.orders, r.net_revenue_cents
    from public.order_revenue_daily r
    where r.workspace_id = p_workspace_id and r.day between p_today - 60 and p_today - 1
  ), main as (
    select d.currency from days d group by d.currency order by sum(d.net_revenue_cents) desc, d.currency limit 1
  )
  select m.currency,
         coalesce(sum(d.net_revenue_cents) filter (where d.day >= p_today - 30), 0)::bigint,
         coalesce(sum(d.net_revenue_cents) filter (where d.day < p_today - 30), 0)::bigint,
         coalesce(sum(d.orders) filter (where d.day >= p_today - 30), 0)::bigint
  into t.revenue_currency, t.revenue_cents, t.previous_revenue_cents, t.orders
  from main m join days d on d.currency = m.currency
  group by m.currency;
  t.revenue_cents := coalesce(t.revenue_cents, 0);
  t.previous_revenue_cents := coalesce(t.previous_revenue_cents, 0);
  t.orders := coalesce(t.orders, 0);
  t.revenue_change := case when t.previous_revenue_cents > 0
    then round((t.revenue_cents - t.previous_revenue_cents)::numeric / t.previous_revenue_cents, 4) end;
  t.average_order_cents := case when t.orders > 0 then round(t.revenue_cents::numeric / t.orders)::bigint end;

  -- Inventory: the latest reorder point computation.
  select count(*)::integer, (count(*) filter (where r.below_reorder_point))::integer, min(r.weeks_of_supply),
         max(r.computed_at)
  into t.skus_tracked, t.skus_below_reorder_point, t.lowest_weeks_of_supply, t.reorder_points_computed_at
  from public.reorder_points r where r.workspace_id = p_workspace_id;

  -- Ads: the landed ROAS tile (from the ads rollup).
  select a.spend_cents, a.revenue_cents, a.roas, a.previous_roas, a.change
  into t.ad_spend_cents, t.ad_revenue_cents, t.roas, t.previous_roas, t.roas_change
  from private.ads_roas_tile(p_workspace_id, p_today) a;

  -- The approval queue: what still waits (pending and not yet past its expiry).
  select count(*)::integer, (count(*) filter (where a.priority in ('high', 'urgent')))::integer,
         (count(*) filter (where a.expires_at <= now() + interval '24 hours'))::integer, min(a.created_at)
  into t.pending_approvals, t.urgent_approvals, t.approvals_expiring_24h, t.oldest_pending_approval_at
  from public.agent_approvals a
  where a.workspace_id = p_workspace_id and a.status = 'pending' and a.expires_at > now();

  select count(*)::integer into t.open_errors from public.ops_errors e
  where e.workspace_id = p_workspace_id and e.status in ('open', 'acknowledged');
  select count(*)::integer into t.open_alerts from public.ops_alerts a
  where a.workspace_id = p_workspace_id and a.status <> 'resolved';
  return t;
end $function$;
comment on function private.dashboard_tiles(uuid,date) is 'What public.dashboard_tiles returns, read as the owner after one membership check (see the header).';
grant execute on function private.dashboard_tiles(uuid,date) to authenticated;
grant execute on function private.dashboard_tiles(uuid,date) to service_role;
