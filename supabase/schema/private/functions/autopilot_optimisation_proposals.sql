CREATE OR REPLACE FUNCTION private.autopilot_optimisation_proposals(p_workspace_id uuid, p_as_of date)
 RETURNS SETOF private.autopilot_proposal_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  with cfg as (
    select c.workspace_id, c.target_roas, c.min_spend_cents, c.currency
    from public.autopilot_configs c
    where c.workspace_id = p_workspace_id and c.enabled
  ), judged as (
    select ac.workspace_id, ac.campaign_id, ac.id as ad_campaign_id, ac.platform, ac.external_id, ac.name,
           ac.daily_budget_cents, cfg.currency,
           coalesce(ac.target_roas, (mc.kpi_targets ->> 'target_roas')::numeric, cfg.target_roas) as target,
           p.spend, p.revenue, round(p.revenue::numeric / p.spend, 4) as roas
    from cfg
    join public.ad_campaigns ac on ac.workspace_id = cfg.workspace_id and ac.status = 'active' and ac.campaign_id is not null
    join public.campaigns mc on mc.workspace_id = ac.workspace_id and mc.id = ac.campaign_id
                            and mc.auto_managed and mc.status = 'active'
    cross join lateral (
      select coalesce(sum(m.spend_cents), 0)::bigint as spend, coalesce(sum(m.revenue_cents), 0)::bigint as revenue
      from public.ad_metrics_daily m
      where m.workspace_id = ac.workspace_id and m.campaign_id = ac.id and m.level = 'campaign'
        and m.day between p_as_of - 7 and p_as_of - 1
    ) p
    where p.spend > 0 and p.spend >= cfg.min_spend_cents
  ), under as (
    select j.* from judged j where j.roas < j.target
  ), best as (
    select distinct on (j.campaign_id) j.*
    from judged j
    where j.roas >= j.target
    order by j.campaign_id, j.roas desc, j.spend desc, j.ad_campaign_id
  )
  select u.workspace_id, 'pause_ad_campaign'::public.autopilot_proposal_kind, u.campaign_id, u.ad_campaign_id, null::uuid,
         u.roas, u.target, u.spend, u.revenue, null::bigint,
         'pause_ad_campaign:' || u.ad_campaign_id,
         format('%s: 7-day ROAS %s is under its target %s (spend %s, revenue %s %s cents)', u.name,
                trim_scale(u.roas), trim_scale(u.target), u.spend, u.revenue, u.currency),
         jsonb_build_object('action', 'pause_ad_campaign', 'ad_campaign_id', u.ad_campaign_id, 'campaign_id', u.campaign_id,
                            'platform', u.platform, 'external_id', u.external_id, 'from_status', 'active', 'to_status', 'paused',
                            'window', jsonb_build_object('from', p_as_of - 7, 'to', p_as_of - 1),
                            'roas_7d', u.roas, 'target_roas', u.target, 'spend_7d_cents', u.spend,
                            'revenue_7d_cents', u.revenue, 'currency', u.currency)
  from under u
  union all
  select u.workspace_id, 'shift_budget'::public.autopilot_proposal_kind, u.campaign_id, u.ad_campaign_id, b.ad_campaign_id,
         u.roas, u.target, u.spend, u.revenue, u.daily_budget_cents,
         'shift_budget:' || u.ad_campaign_id || ':' || b.ad_campaign_id,
         format('Move %s: daily budget %s %s cents to %s (7-day ROAS %s against target %s)', u.name, u.daily_budget_cents,
                u.currency, b.name, trim_scale(b.roas), trim_scale(b.target)),
         jsonb_build_object('action', 'shift_budget', 'campaign_id', u.campaign_id, 'amount_cents', u.daily_budget_cents,
                            'currency', u.currency,
                            'from', jsonb_build_object('ad_campaign_id', u.ad_campaign_id, 'daily_budget_cents', u.daily_budget_cents,
                                                       'proposed_daily_budget_cents', 0, 'roas_7d', u.roas),
                            'to', jsonb_build_object('ad_campaign_id', b.ad_campaign_id, 'daily_budget_cents', b.daily_budget_cents,
                                                     'proposed_daily_budget_cents', b.daily_budget_cents + u.daily_budget_cents,
                                                     'roas_7d', b.roas),
                            'window', jsonb_build_object('from', p_as_of - 7, 'to', p_as_of - 1))
  from under u
  join best b on b.campaign_id = u.campaign_id
  where u.daily_budget_cents > 0 and b.daily_budget_cents is not null
  order by 2, 4
$function$;
comment on function private.autopilot_optimisation_proposals(uuid,date) is 'What the daily optimisation proposes for one workspace as of a day (see the migration header); reads only, changes nothing. Empty unless the workspace''s autopilot is enabled. SECURITY INVOKER: signed-in callers see only what RLS shows them; the job runs as the owner.';
grant execute on function private.autopilot_optimisation_proposals(uuid,date) to authenticated;
grant execute on function private.autopilot_optimisation_proposals(uuid,date) to service_role;
