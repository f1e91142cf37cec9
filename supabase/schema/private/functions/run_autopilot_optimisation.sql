CREATE OR REPLACE FUNCTION private.run_autopilot_optimisation(p_as_of date DEFAULT NULL::date)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  as_of date := coalesce(p_as_of, (now() at time zone 'UTC')::date);
  ws uuid;
  p private.autopilot_proposal_row;
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
end $function$;
comment on function private.run_autopilot_optimisation(date) is 'pg_cron job autopilot-daily-optimisation (02:00 UTC): for every enabled workspace, each proposal of private.autopilot_optimisation_proposals becomes a pending approval (pause_ad_campaign or shift_ad_budget, proposer autopilot-optimizer, expiring after 23 hours; not again while one is pending or within 7 days of a rejection), logged once; changes no campaign. Records each run in autopilot_cron_schedule; returns the new approvals.';
grant execute on function private.run_autopilot_optimisation(date) to service_role;
