CREATE OR REPLACE FUNCTION private.experiment_stats_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ex uuid[];
  vi text[];
  ws uuid[];
  vis text[];
  cus uuid[];
  ats timestamptz[];
begin
  if tg_table_name in ('experiment_assignments', 'experiment_events') then
    if tg_op = 'INSERT' then
      select array_agg(r.experiment_id), array_agg(r.visitor_id) into ex, vi from new_rows r;
    elsif tg_op = 'DELETE' then
      select array_agg(r.experiment_id), array_agg(r.visitor_id) into ex, vi from old_rows r;
    else
      select array_agg(r.experiment_id), array_agg(r.visitor_id) into ex, vi
      from (select n.experiment_id, n.visitor_id from new_rows n union select o.experiment_id, o.visitor_id from old_rows o) r;
    end if;
  elsif tg_table_name = 'orders' then
    -- the CUPED covariate: orders before an assignment within its experiment's lookback, by the
    -- visitor id or by the customer of the visitor's identity; updates count only when a column
    -- the covariate reads changed (then both the old and the new version)
    if tg_op = 'INSERT' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id), array_agg(r.customer_id), array_agg(r.processed_at)
        into ws, vis, cus, ats from new_rows r;
    elsif tg_op = 'DELETE' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id), array_agg(r.customer_id), array_agg(r.processed_at)
        into ws, vis, cus, ats from old_rows r;
    else
      select array_agg(u.workspace_id), array_agg(u.visitor_id), array_agg(u.customer_id), array_agg(u.processed_at)
        into ws, vis, cus, ats
      from new_rows n join old_rows b on b.id = n.id
      cross join lateral (values (n.workspace_id, n.visitor_id, n.customer_id, n.processed_at),
                                 (b.workspace_id, b.visitor_id, b.customer_id, b.processed_at)) u (workspace_id, visitor_id, customer_id, processed_at)
      where (n.visitor_id, n.customer_id, n.processed_at, n.cancelled_at, n.total_price_cents, n.total_refunded_cents)
            is distinct from (b.visitor_id, b.customer_id, b.processed_at, b.cancelled_at, b.total_price_cents, b.total_refunded_cents);
    end if;
    if ws is null or not exists (select 1 from public.experiments x where x.workspace_id = any (ws) and x.cuped_enabled) then
      return null;
    end if;
    with o as (
      select * from unnest(ws, vis, cus, ats) as o (workspace_id, visitor_id, customer_id, processed_at)
    ), hit as (
      select a.experiment_id, a.visitor_id, a.assigned_at, o.processed_at
      from o join public.experiment_assignments a on a.workspace_id = o.workspace_id and a.visitor_id = o.visitor_id
      where o.visitor_id is not null
      union all
      select a.experiment_id, a.visitor_id, a.assigned_at, o.processed_at
      from o
      join public.customer_identities i on i.customer_id = o.customer_id
      join public.visitors v on v.workspace_id = i.workspace_id and v.identity_id = i.id
      join public.experiment_assignments a on a.workspace_id = v.workspace_id and a.visitor_id = v.visitor_id
      where o.customer_id is not null
    )
    select array_agg(h.experiment_id), array_agg(h.visitor_id) into ex, vi
    from hit h join public.experiments x on x.id = h.experiment_id and x.cuped_enabled
    where h.processed_at < h.assigned_at and h.processed_at >= h.assigned_at - make_interval(days => x.cuped_lookback_days);
  elsif tg_table_name = 'visitors' then
    -- only a changed identity matters (last_seen_at moves on every visit)
    if tg_op = 'INSERT' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id) into ws, vis from new_rows r where r.identity_id is not null;
    elsif tg_op = 'DELETE' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id) into ws, vis from old_rows r where r.identity_id is not null;
    else
      select array_agg(u.workspace_id), array_agg(u.visitor_id) into ws, vis
      from new_rows n join old_rows b on b.id = n.id
      cross join lateral (values (n.workspace_id, n.visitor_id), (b.workspace_id, b.visitor_id)) u (workspace_id, visitor_id)
      where (n.identity_id, n.visitor_id) is distinct from (b.identity_id, b.visitor_id);
    end if;
    select array_agg(a.experiment_id), array_agg(a.visitor_id) into ex, vi
    from unnest(ws, vis) as r (workspace_id, visitor_id)
    join public.experiment_assignments a on a.workspace_id = r.workspace_id and a.visitor_id = r.visitor_id
    join public.experiments x on x.id = a.experiment_id and x.cuped_enabled;
  elsif tg_table_name = 'customer_identities' then
    -- updates only: a new identity has no visitors yet, and a deleted one sets theirs to null
    -- (which the visitors trigger sees)
    select array_agg(a.experiment_id), array_agg(a.visitor_id) into ex, vi
    from new_rows n join old_rows o on o.id = n.id
    join public.visitors v on v.workspace_id = n.workspace_id and v.identity_id = n.id
    join public.experiment_assignments a on a.workspace_id = v.workspace_id and a.visitor_id = v.visitor_id
    join public.experiments x on x.id = a.experiment_id and x.cuped_enabled
    where n.customer_id is distinct from o.customer_id;
  end if;
  if ex is not null then
    perform private.apply_experiment_visitors(ex, vi);
  end if;
  return null;
end $function$;
comment on function private.experiment_stats_changed() is 'Statement trigger on experiment_assignments, experiment_events, orders, visitors and customer_identities: recomputes the maintained statistics of the (experiment, visitor) pairs the change can affect.';
