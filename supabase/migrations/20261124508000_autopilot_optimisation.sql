-- Autopilot optimisation: what the daily 02:00 UTC job proposes. It never changes a campaign;
-- each proposal becomes a pending approval (agents domain: public.agent_approvals, through
-- private.propose_approval) for a member to approve or reject; executing an approved action is
-- the ad platform connector's work.
-- For an enabled autopilot, the ad campaigns it judges are the active ones that belong to an
-- active, auto-managed marketing campaign and spent at least min_spend_cents over the 7 days
-- before as_of (campaign-level ad_metrics_daily). Their 7-day ROAS = revenue / spend, against
-- the target: the ad campaign's target_roas, else its marketing campaign's
-- kpi_targets.target_roas, else the autopilot's target_roas.
--   pause_ad_campaign  every judged ad campaign under its target;
--   shift_budget       for each of those with a daily budget, move that budget to the judged
--                      ad campaign of the same marketing campaign with the best ROAS at or
--                      above its target (ties: more spend, then id), if it has a daily budget.

create type public.autopilot_proposal_kind as enum ('pause_ad_campaign', 'shift_budget');
comment on type public.autopilot_proposal_kind is 'What the optimisation proposes: pausing an ad campaign under its ROAS target, or moving its daily budget to a sibling on target.';

create type public.autopilot_proposal_row as (
  workspace_id uuid,
  kind public.autopilot_proposal_kind,
  campaign_id uuid,
  ad_campaign_id uuid,
  target_ad_campaign_id uuid,
  roas_7d numeric,
  target_roas numeric,
  spend_7d_cents bigint,
  revenue_7d_cents bigint,
  amount_cents bigint,
  dedupe_key text,
  reason text,
  payload jsonb
);
comment on type public.autopilot_proposal_row is 'One optimisation proposal. ad_campaign_id is the one paused or giving budget; target_ad_campaign_id receives budget (shift_budget only); payload is the proposed action as an approval carries it; dedupe_key names the action so a pending approval for it is not proposed twice.';

create function private.autopilot_optimisation_proposals(p_workspace_id uuid, p_as_of date)
returns setof public.autopilot_proposal_row
language sql stable set search_path = '' as $$
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
$$;
comment on function private.autopilot_optimisation_proposals(uuid, date) is 'What the daily optimisation proposes for one workspace as of a day (see the migration header); reads only, changes nothing. Empty unless the workspace''s autopilot is enabled. SECURITY INVOKER: signed-in callers see only what RLS shows them; the job runs as the owner.';
revoke all on function private.autopilot_optimisation_proposals(uuid, date) from public;
grant execute on function private.autopilot_optimisation_proposals(uuid, date) to authenticated, service_role;

create function public.preview_autopilot_optimisations(p_workspace_id uuid, p_as_of date default null)
returns setof public.autopilot_proposal_row
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  return query select * from private.autopilot_optimisation_proposals(
    p_workspace_id, coalesce(p_as_of, (now() at time zone 'UTC')::date));
end $$;
comment on function public.preview_autopilot_optimisations(uuid, date) is 'Viewers: what the daily optimisation would propose for the workspace as of p_as_of (default today, UTC), without proposing anything.';
grant execute on function public.preview_autopilot_optimisations(uuid, date) to authenticated, service_role;

-- ===== the daily job: proposals become pending approvals
-- One approval per proposal, idempotent through its dedupe key (a pending approval for the same
-- action is not proposed twice; one rejected in the last 7 days is not proposed again yet).
-- Approvals expire after 23 hours, so each day's run proposes with that day's figures instead
-- of leaving yesterday's pending.
create function private.run_autopilot_optimisation(p_as_of date default null)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  as_of date := coalesce(p_as_of, (now() at time zone 'UTC')::date);
  ws uuid;
  p public.autopilot_proposal_row;
  approval uuid;
  existed boolean;
  proposed integer;
  fresh integer;
  total integer := 0;
begin
  for ws in
    select c.workspace_id from public.autopilot_configs c
    join public.autopilot_cron_schedule s on s.workspace_id = c.workspace_id and s.job = 'daily_optimisation'
    where c.enabled and s.enabled
    order by c.workspace_id
  loop
    begin
      proposed := 0;
      fresh := 0;
      for p in select * from private.autopilot_optimisation_proposals(ws, as_of) loop
        -- a person said no to this very action in the last 7 days: do not ask again yet
        continue when exists (select 1 from public.agent_approvals a
                              where a.workspace_id = ws and a.dedupe_key = p.dedupe_key and a.status = 'rejected'
                                and a.decided_at > now() - interval '7 days');
        existed := exists (select 1 from public.agent_approvals a
                           where a.workspace_id = ws and a.dedupe_key = p.dedupe_key and a.status = 'pending');
        approval := private.propose_approval(
          p_workspace_id => ws,
          p_action => case p.kind when 'pause_ad_campaign' then 'pause_ad_campaign' else 'shift_ad_budget' end::public.approval_action,
          p_title => left(case p.kind
            when 'pause_ad_campaign' then format('Pause %s: 7-day ROAS %s under target %s',
              (select ac.name from public.ad_campaigns ac where ac.id = p.ad_campaign_id), trim_scale(p.roas_7d), trim_scale(p.target_roas))
            else format('Move %s cents/day from %s to %s', p.amount_cents,
              (select ac.name from public.ad_campaigns ac where ac.id = p.ad_campaign_id),
              (select ac.name from public.ad_campaigns ac where ac.id = p.target_ad_campaign_id)) end, 200),
          p_payload => p.payload,
          p_subject_table => 'ad_campaigns',
          p_subject_id => p.ad_campaign_id::text,
          p_rationale => p.reason,
          p_priority => case when p.roas_7d < p.target_roas / 2 then 'high' else 'normal' end::public.approval_priority,
          p_expires_at => now() + interval '23 hours',
          p_dedupe_key => p.dedupe_key,
          p_proposer_name => 'autopilot-optimizer',
          p_expected_impact => jsonb_build_object('roas_7d', p.roas_7d, 'target_roas', p.target_roas,
            'spend_7d_cents', p.spend_7d_cents, 'revenue_7d_cents', p.revenue_7d_cents)
            || case when p.amount_cents is not null then jsonb_build_object('daily_budget_moved_cents', p.amount_cents) else '{}'::jsonb end);
        proposed := proposed + 1;
        if not existed then
          fresh := fresh + 1;
          perform private.log_autopilot_activity(ws, 'optimisation_proposed', p.reason, 'agent_approvals', approval,
            jsonb_build_object('kind', p.kind, 'ad_campaign_id', p.ad_campaign_id, 'as_of', as_of));
        end if;
      end loop;
      perform private.record_autopilot_run(ws, 'daily_optimisation', 'succeeded',
        jsonb_build_object('as_of', as_of, 'proposals', proposed, 'new', fresh), null);
      total := total + fresh;
    exception when others then
      perform private.record_autopilot_run(ws, 'daily_optimisation', 'failed', jsonb_build_object('as_of', as_of), sqlerrm);
    end;
  end loop;
  return total;
end $$;
comment on function private.run_autopilot_optimisation(date) is 'pg_cron job autopilot-daily-optimisation (02:00 UTC): for every enabled workspace, each proposal of private.autopilot_optimisation_proposals becomes a pending approval (pause_ad_campaign or shift_ad_budget, proposer autopilot-optimizer, expiring after 23 hours; not again while one is pending or within 7 days of a rejection), logged once; changes no campaign. Records each run in autopilot_cron_schedule; returns the new approvals.';
revoke all on function private.run_autopilot_optimisation(date) from public;
grant execute on function private.run_autopilot_optimisation(date) to service_role;

select cron.schedule('autopilot-daily-optimisation', '0 2 * * *', 'select private.run_autopilot_optimisation()');
