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
comment on function private.apply_approval_action(public.agent_approvals,jsonb,jsonb) is 'The database side of an executed action, in the transaction that records it: our copies of what a provider changed (ad budgets and statuses, product fields, a gift card issued) and the whole of actions on our own tables (campaigns, automations, the content calendar, review replies, purchase orders, workflows, webhook deliveries). Returns ids to add to the result.';
