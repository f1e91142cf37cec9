CREATE OR REPLACE FUNCTION private.prepare_approval_action(p_approval public.agent_approvals)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid := p_approval.workspace_id;
  p jsonb := p_approval.payload;
  s public.agent_settings := private.agent_settings_for(p_approval.workspace_id);
  problem text := private.approval_payload_problem(p_approval.workspace_id, p_approval.action, p_approval.payload);
  ac public.ad_campaigns;
  ac2 public.ad_campaigns;
  target jsonb;
  cur bigint;
  want bigint;
  row_json jsonb;
begin
  if problem is not null then
    return jsonb_build_object('refused', problem);
  end if;
  case p_approval.action
  when 'change_ad_budget', 'pause_ad_campaign', 'resume_ad_campaign' then
    ac := private.approval_ad_campaign(ws, p);
    target := private.ad_target(ac);
    if target ->> 'connection_id' is null then
      return jsonb_build_object('refused', format('the %s ad account of campaign %s has no connection to act through',
                                                  ac.platform, ac.name));
    end if;
    if p_approval.action = 'change_ad_budget' then
      want := (p ->> 'daily_budget_cents')::bigint;
      problem := private.budget_guardrail_problem(s, ac.daily_budget_cents, want, ac.name);
      if problem is not null then return jsonb_build_object('refused', problem); end if;
      return jsonb_build_object('prepared', target || jsonb_build_object(
        'target', jsonb_build_object('daily_budget_cents', want), 'max_change_pct', s.max_budget_change_pct,
        'replaced', jsonb_build_object('daily_budget_cents', ac.daily_budget_cents)));
    end if;
    return jsonb_build_object('prepared', target || jsonb_build_object(
      'target', jsonb_build_object('status', case when p_approval.action = 'pause_ad_campaign' then 'paused' else 'active' end),
      'replaced', jsonb_build_object('status', ac.status)));
  when 'shift_ad_budget' then
    ac := private.approval_ad_campaign(ws, p -> 'from');
    ac2 := private.approval_ad_campaign(ws, p -> 'to');
    want := (p ->> 'daily_cents')::bigint;
    if coalesce(ac.daily_budget_cents, 0) <= want then
      return jsonb_build_object('refused', format('%s has a daily budget of %s cents; it cannot give %s', ac.name,
                                                  coalesce(ac.daily_budget_cents::text, 'no'), want));
    end if;
    problem := coalesce(private.budget_guardrail_problem(s, ac.daily_budget_cents, ac.daily_budget_cents - want, ac.name),
                        private.budget_guardrail_problem(s, ac2.daily_budget_cents, coalesce(ac2.daily_budget_cents, 0) + want, ac2.name));
    if problem is not null then return jsonb_build_object('refused', problem); end if;
    if private.ad_target(ac) ->> 'connection_id' is null or private.ad_target(ac2) ->> 'connection_id' is null then
      return jsonb_build_object('refused', 'both ad accounts need a connection to act through');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('max_change_pct', s.max_budget_change_pct, 'daily_cents', want,
      'from', private.ad_target(ac) || jsonb_build_object('target', jsonb_build_object('daily_budget_cents', ac.daily_budget_cents - want)),
      'to', private.ad_target(ac2) || jsonb_build_object('target', jsonb_build_object('daily_budget_cents', coalesce(ac2.daily_budget_cents, 0) + want)),
      'replaced', jsonb_build_object('from', jsonb_build_object('daily_budget_cents', ac.daily_budget_cents),
                                     'to', jsonb_build_object('daily_budget_cents', ac2.daily_budget_cents))));
  when 'pause_campaign', 'resume_campaign', 'change_campaign_budget' then
    select to_jsonb(c) into row_json from public.campaigns c where c.workspace_id = ws and c.id = (p ->> 'campaign_id')::uuid;
    if p_approval.action = 'pause_campaign' and row_json ->> 'status' <> 'active' then
      return jsonb_build_object('refused', format('the campaign is %s, not active', row_json ->> 'status'));
    elsif p_approval.action = 'resume_campaign' and row_json ->> 'status' <> 'paused' then
      return jsonb_build_object('refused', format('the campaign is %s, not paused', row_json ->> 'status'));
    elsif p_approval.action = 'change_campaign_budget' then
      problem := private.budget_guardrail_problem(s, (row_json ->> 'budget_cents')::bigint, (p ->> 'budget_cents')::bigint,
                                                  row_json ->> 'name', false);
      if problem is not null then return jsonb_build_object('refused', problem); end if;
      return jsonb_build_object('prepared', jsonb_build_object('campaign_id', row_json ->> 'id',
        'replaced', jsonb_build_object('budget_cents', (row_json ->> 'budget_cents')::bigint)));
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('campaign_id', row_json ->> 'id',
      'replaced', jsonb_build_object('status', row_json ->> 'status')));
  when 'send_email_campaign' then
    select to_jsonb(e) into row_json from public.email_campaigns e where e.workspace_id = ws and e.id = (p ->> 'email_campaign_id')::uuid;
    if row_json ->> 'status' not in ('draft', 'scheduled') then
      return jsonb_build_object('refused', format('the email campaign is %s; only a draft or scheduled one is sent', row_json ->> 'status'));
    end if;
    if row_json ->> 'list_id' is null or row_json ->> 'template_id' is null or row_json ->> 'from_email' is null then
      return jsonb_build_object('refused', 'the email campaign needs a list, a template and a sender address');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('email_campaign_id', row_json ->> 'id',
      'recipients', private.email_campaign_recipient_count(ws, (row_json ->> 'list_id')::uuid)));
  when 'enable_email_automation', 'disable_email_automation' then
    select to_jsonb(r) into row_json from public.email_automation_rules r
    where r.workspace_id = ws and r.id = (p ->> 'automation_rule_id')::uuid;
    if p_approval.action = 'enable_email_automation' and row_json ->> 'template_id' is null then
      return jsonb_build_object('refused', 'the automation has no template to send; give it one first');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('automation_rule_id', row_json ->> 'id',
      'replaced', jsonb_build_object('active', (row_json ->> 'active')::boolean)));
  when 'publish_content', 'update_content_calendar' then
    select to_jsonb(c) into row_json from public.content_calendar c where c.workspace_id = ws and c.id = (p ->> 'content_calendar_id')::uuid;
    if p_approval.action = 'publish_content' and row_json ->> 'status' in ('published', 'cancelled') then
      return jsonb_build_object('refused', format('the calendar entry is already %s', row_json ->> 'status'));
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('content_calendar_id', row_json ->> 'id',
      'replaced', (select jsonb_object_agg(k, row_json -> k) from unnest(array['scheduled_for', 'status', 'title', 'channel']) k
                   where p_approval.action = 'publish_content' and k = 'status' or p ? k)));
  when 'send_customer_reply' then
    select to_jsonb(t) into row_json from public.support_tickets t where t.workspace_id = ws and t.id = (p ->> 'support_ticket_id')::uuid;
    if row_json ->> 'chatwoot_conversation_id' is null then
      return jsonb_build_object('refused', 'the ticket is not linked to a Chatwoot conversation');
    end if;
    target := (select jsonb_build_object('connection_id', c.id, 'account', c.external_account_id, 'base_url', c.metadata ->> 'base_url')
               from public.integration_connections c where c.id = private.approval_connection(ws, p_approval.action, p));
    if target is null then
      return jsonb_build_object('refused', 'the workspace has no Chatwoot connection');
    end if;
    return jsonb_build_object('prepared', target || jsonb_build_object('support_ticket_id', row_json ->> 'id',
      'conversation_id', row_json ->> 'chatwoot_conversation_id'));
  when 'publish_review_reply' then
    return jsonb_build_object('prepared', jsonb_build_object('review_id', p ->> 'review_id',
      'replaced', (select jsonb_build_object('body', r.body, 'author_name', r.author_name) from public.review_responses r
                   where r.workspace_id = ws and r.review_id = (p ->> 'review_id')::uuid)));
  when 'post_slack_message', 'apply_discount', 'issue_gift_card', 'update_product' then
    target := (select jsonb_build_object('connection_id', c.id, 'account', c.external_account_id)
               from public.integration_connections c where c.id = private.approval_connection(ws, p_approval.action, p));
    if target is null then
      return jsonb_build_object('refused', format('the workspace has no %s connection',
        case when p_approval.action = 'post_slack_message' then 'Slack' else 'Shopify' end));
    end if;
    if p_approval.action = 'apply_discount' and (p ->> 'percent')::numeric > s.max_discount_percent then
      return jsonb_build_object('refused', format('a %s%% discount is above the workspace''s guardrail of %s%%',
                                                  p ->> 'percent', s.max_discount_percent));
    elsif p_approval.action = 'issue_gift_card' and (p ->> 'amount_cents')::bigint > s.max_gift_card_cents then
      return jsonb_build_object('refused', format('a gift card of %s cents is above the workspace''s guardrail of %s cents',
                                                  p ->> 'amount_cents', s.max_gift_card_cents));
    elsif p_approval.action = 'update_product' then
      select to_jsonb(x) into row_json from public.products x where x.workspace_id = ws and x.id = (p ->> 'product_id')::uuid;
      if p ? 'price_cents' then
        cur := (row_json ->> 'price_cents')::bigint;
        want := (p ->> 'price_cents')::bigint;
        if private.pct_change(cur, want) is null or private.pct_change(cur, want) > s.max_price_change_pct then
          return jsonb_build_object('refused', format('a price change from %s to %s cents is beyond the workspace''s guardrail of %s%%',
                                                      cur, want, s.max_price_change_pct));
        end if;
      end if;
      return jsonb_build_object('prepared', target || jsonb_build_object('product_id', row_json ->> 'id',
        'shopify_product_id', row_json ->> 'shopify_product_id', 'shopify_variant_id', row_json ->> 'shopify_variant_id',
        'currency', row_json ->> 'currency', 'exponent', coalesce(private.currency_exponent(row_json ->> 'currency'), 2),
        'replaced', (select jsonb_object_agg(k, row_json -> k) from unnest(array['price_cents', 'status', 'title']) k where p ? k)));
    elsif p_approval.action = 'issue_gift_card' then
      target := target || jsonb_build_object('currency', coalesce(p ->> 'currency',
        (select o.currency from public.orders o where o.workspace_id = ws order by o.created_at desc limit 1), 'USD'),
        'exponent', coalesce(private.currency_exponent(coalesce(p ->> 'currency',
          (select o.currency from public.orders o where o.workspace_id = ws order by o.created_at desc limit 1), 'USD')), 2),
        'customer', (select jsonb_build_object('id', c.id, 'shopify_customer_id', c.shopify_customer_id)
                     from public.customers c where c.workspace_id = ws and c.id = (p ->> 'customer_id')::uuid));
    end if;
    return jsonb_build_object('prepared', target);
  when 'reorder_inventory' then
    return jsonb_build_object('prepared', jsonb_build_object('product_id', p ->> 'product_id'));
  when 'run_workflow' then
    if not exists (select 1 from public.workflow_rules w where w.workspace_id = ws and w.id = (p ->> 'workflow_rule_id')::uuid
                   and w.trigger_type = 'manual' and w.active) then
      return jsonb_build_object('refused', 'the workflow rule is not an active manual rule');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('workflow_rule_id', p ->> 'workflow_rule_id'));
  when 'send_webhook' then
    if not exists (select 1 from public.webhook_endpoints e where e.workspace_id = ws and e.id = (p ->> 'endpoint_id')::uuid and e.enabled) then
      return jsonb_build_object('refused', 'the webhook endpoint is disabled');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('endpoint_id', p ->> 'endpoint_id'));
  else
    return jsonb_build_object('refused', format('no executor for %s', p_approval.action));
  end case;
end $function$;
comment on function private.prepare_approval_action(public.agent_approvals) is 'The executor''s preparation of an approved action, at execution time: {"prepared": what the handler needs (target, account, connection, the value it replaces)} or {"refused": why} (invalid payload, a row in the wrong state, beyond a guardrail, no connection).';
