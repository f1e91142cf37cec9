-- The executor on main's pipelines (h/shopify, h/messaging), where they do what it did alone.
-- Only private.apply_approval_action changes, in three branches:
--   issue_gift_card: kept as shopify-sync's issuing keeps its cards: Shopify's numeric id in
--     shopify_gift_card_id (the handler answers gift_card_id numeric, the global id beside it)
--     and the code's last four characters in code_last_characters.
--   send_email_campaign: through the email sender, as the issue asks, instead of the executor's
--     own Resend batches: the campaign is scheduled for now and started in the approval's
--     transaction (private.start_due_email_campaigns: one rendered message per subscribed contact
--     in private.email_messages, suppression, consent and unsubscribe links, the sender's frozen
--     idempotency keys); email-send delivers it. The executor's batch helpers go.
--   send_customer_reply: through the chatwoot queue (the path a member's reply takes,
--     chatwoot-sync posts it) instead of the executor's own Chatwoot client, once per approval.

CREATE OR REPLACE FUNCTION private.apply_approval_action(p_approval public.agent_approvals, p_prepared jsonb, p_result jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid := p_approval.workspace_id;
  p jsonb := p_approval.payload;
  new_id uuid;
  n bigint;
begin
  case p_approval.action
  when 'change_ad_budget' then
    update public.ad_campaigns set daily_budget_cents = (p_prepared #>> '{target,daily_budget_cents}')::bigint
    where workspace_id = ws and id = (p_prepared ->> 'ad_campaign_id')::uuid;
  when 'pause_ad_campaign', 'resume_ad_campaign' then
    update public.ad_campaigns set status = (p_prepared #>> '{target,status}')::public.ad_status
    where workspace_id = ws and id = (p_prepared ->> 'ad_campaign_id')::uuid;
  when 'shift_ad_budget' then
    update public.ad_campaigns c set daily_budget_cents = (t.value #>> '{target,daily_budget_cents}')::bigint
    from jsonb_each(p_prepared) t
    where t.key in ('from', 'to') and c.workspace_id = ws and c.id = (t.value ->> 'ad_campaign_id')::uuid;
  when 'pause_campaign', 'resume_campaign' then
    update public.campaigns set status = case when p_approval.action = 'pause_campaign' then 'paused' else 'active' end::public.campaign_status
    where workspace_id = ws and id = (p ->> 'campaign_id')::uuid;
  when 'change_campaign_budget' then
    update public.campaigns set budget_cents = (p ->> 'budget_cents')::bigint where workspace_id = ws and id = (p ->> 'campaign_id')::uuid;
  when 'enable_email_automation', 'disable_email_automation' then
    update public.email_automation_rules set active = (p_approval.action = 'enable_email_automation')
    where workspace_id = ws and id = (p ->> 'automation_rule_id')::uuid;
  when 'publish_content' then
    update public.content_calendar set status = 'published' where workspace_id = ws and id = (p ->> 'content_calendar_id')::uuid;
  when 'update_content_calendar' then
    update public.content_calendar c set
      scheduled_for = case when p ? 'scheduled_for' then (p ->> 'scheduled_for')::timestamptz else c.scheduled_for end,
      status = case when p ? 'status' then (p ->> 'status')::public.calendar_status else c.status end,
      title = case when p ? 'title' then p ->> 'title' else c.title end,
      channel = case when p ? 'channel' then (p ->> 'channel')::public.marketing_channel else c.channel end
    where c.workspace_id = ws and c.id = (p ->> 'content_calendar_id')::uuid;
  when 'publish_review_reply' then
    insert into public.review_responses as r (workspace_id, review_id, author_name, body)
    values (ws, (p ->> 'review_id')::uuid,
            coalesce(p ->> 'author_name', (select w.name from public.workspaces w where w.id = ws)), p ->> 'body')
    on conflict (review_id, workspace_id) do update set body = excluded.body, author_name = excluded.author_name
    returning r.id into new_id;
    return jsonb_build_object('review_response_id', new_id);
  when 'reorder_inventory' then
    insert into public.purchase_orders (workspace_id, product_id, approval_id, supplier_name, quantity, expected_at)
    select ws, pr.id, p_approval.id, coalesce(p ->> 'supplier_name', s.supplier_name), (p ->> 'quantity')::integer,
           (now() at time zone 'UTC')::date + ceil(s.lead_time_days)::integer
    from public.products pr
    left join lateral (select l.supplier_name, l.lead_time_days from public.supplier_lead_times l
                       where l.workspace_id = ws and l.product_id = pr.id order by l.is_primary desc, l.lead_time_days limit 1) s on true
    where pr.workspace_id = ws and pr.id = (p ->> 'product_id')::uuid
    returning id into new_id;
    return jsonb_build_object('purchase_order_id', new_id);
  when 'run_workflow' then
    return jsonb_build_object('workflow_execution_id',
      private.start_manual_workflow((p ->> 'workflow_rule_id')::uuid, coalesce(p -> 'subject', '{}'), null));
  when 'send_webhook' then
    insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
    values (ws, (p ->> 'endpoint_id')::uuid, p ->> 'event_type',
            jsonb_build_object('type', p ->> 'event_type', 'timestamp', now(), 'data', p -> 'data'))
    returning id into n;
    return jsonb_build_object('webhook_delivery_id', n);
  when 'send_email_campaign' then
    -- handed to the email sender: due now, started at once (rendered per contact, suppression and
    -- consent, unsubscribe links, frozen idempotency keys), sent by email-send
    update public.email_campaigns set status = 'scheduled', scheduled_for = now()
    where workspace_id = ws and id = (p ->> 'email_campaign_id')::uuid and status in ('draft', 'scheduled');
    perform private.start_due_email_campaigns();
    return jsonb_build_object('email_campaign_id', p ->> 'email_campaign_id', 'handed_to', 'email-send',
      'messages_queued', (select count(*) from private.email_messages m
                          where m.workspace_id = ws and m.email_campaign_id = (p ->> 'email_campaign_id')::uuid));
  when 'update_product' then
    update public.products x set
      price_cents = case when p ? 'price_cents' then (p ->> 'price_cents')::bigint else x.price_cents end,
      status = case when p ? 'status' then (p ->> 'status')::public.product_status else x.status end,
      title = case when p ? 'title' then p ->> 'title' else x.title end
    where x.workspace_id = ws and x.id = (p ->> 'product_id')::uuid;
  when 'issue_gift_card' then
    insert into public.gift_card_transactions (workspace_id, amount_cents, currency, source, status, shopify_gift_card_id, issued_at, code_last_characters)
    values (ws, (p ->> 'amount_cents')::bigint, p_prepared ->> 'currency', 'manual', 'issued', p_result ->> 'gift_card_id', now(), p_result ->> 'last_characters')
    returning id into new_id;
    return jsonb_build_object('gift_card_transaction_id', new_id);
  when 'send_customer_reply' then
    -- handed to the chatwoot queue (the chatwoot-sync worker posts it), once per approval
    return jsonb_build_object('chatwoot_job_id',
      private.queue_chatwoot_reply((p ->> 'support_ticket_id')::uuid, p ->> 'body', 'approval:' || p_approval.id),
      'handed_to', 'chatwoot-sync');
  else
    -- post_slack_message, apply_discount: the provider holds the result
    null;
  end case;
  return '{}'::jsonb;
end $function$;

drop function private.email_campaign_batch(uuid, integer, integer);
drop function private.start_email_campaign_send(uuid);

-- agent_budget answers a view's row type rather than a composite type in public (h/frontmerge's
-- rule: the generator makes every attribute of a composite type nullable), its never-null columns
-- NOT NULL domains. 20261212000000_rpc_row_types (after this block) creates the shared
-- private.*_not_null domains, so these have names of their own.
drop function public.agent_budget(uuid);
drop type public.agent_budget_row;
create domain private.agent_budget_micros as bigint not null;
create domain private.agent_budget_day as date not null;
create domain private.agent_budget_flag as boolean not null;
comment on domain private.agent_budget_micros is 'Micros of USD that are never null (agent_budget_row).';
comment on domain private.agent_budget_day is 'A date that is never null (agent_budget_row).';
comment on domain private.agent_budget_flag is 'A boolean that is never null (agent_budget_row).';
create view public.agent_budget_row with (security_invoker = true) as
  select null::private.agent_budget_micros as monthly_budget_micros,
         null::private.agent_budget_micros as spent_micros,
         null::private.agent_budget_micros as remaining_micros,
         null::private.agent_budget_day as period_start,
         null::private.agent_budget_day as renews_on,
         null::private.agent_budget_flag as exhausted
  where false;
comment on view public.agent_budget_row is 'agent_budget''s single row: the month''s AI budget, what model calls cost so far and what is left (micros of USD), the period and whether new runs are refused. The row type of the RPC (no rows of its own): every column is a NOT NULL domain, so the generated types say so.';
grant select on public.agent_budget_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create function public.agent_budget(p_workspace_id uuid) returns public.agent_budget_row
language plpgsql stable set search_path = '' as $$
declare
  budget bigint;
  spent bigint;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'viewer');
  budget := (private.agent_settings_for(p_workspace_id)).monthly_budget_micros;
  spent := private.ai_spend_this_month(p_workspace_id);
  return row(budget, spent, greatest(budget - spent, 0), date_trunc('month', now() at time zone 'UTC')::date,
             (date_trunc('month', now() at time zone 'UTC') + interval '1 month')::date, spent >= budget)::public.agent_budget_row;
end $$;
comment on function public.agent_budget(uuid) is 'Viewers: this month''s AI budget, what model calls cost so far (micros of USD), what is left, and whether new runs are refused. 403 outside the workspace.';
revoke all on function public.agent_budget(uuid) from public;
grant execute on function public.agent_budget(uuid) to authenticated, service_role;
