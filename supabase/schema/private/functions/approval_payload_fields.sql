CREATE OR REPLACE FUNCTION private.approval_payload_fields(p_action public.approval_action)
 RETURNS TABLE(key text, kind text, required boolean, names_table text)
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select f.key, f.kind, f.required, f.names_table from (values
    ('change_ad_budget', 'daily_budget_cents', 'positive_cents', true, null),
    ('shift_ad_budget', 'daily_cents', 'positive_cents', true, null),
    ('pause_campaign', 'campaign_id', 'uuid', true, 'campaigns'),
    ('resume_campaign', 'campaign_id', 'uuid', true, 'campaigns'),
    ('change_campaign_budget', 'campaign_id', 'uuid', true, 'campaigns'),
    ('change_campaign_budget', 'budget_cents', 'cents', true, null),
    ('send_email_campaign', 'email_campaign_id', 'uuid', true, 'email_campaigns'),
    ('enable_email_automation', 'automation_rule_id', 'uuid', true, 'email_automation_rules'),
    ('disable_email_automation', 'automation_rule_id', 'uuid', true, 'email_automation_rules'),
    ('publish_content', 'content_calendar_id', 'uuid', true, 'content_calendar'),
    ('update_content_calendar', 'content_calendar_id', 'uuid', true, 'content_calendar'),
    ('update_content_calendar', 'scheduled_for', 'timestamptz', false, null),
    ('update_content_calendar', 'status', 'calendar_status', false, null),
    ('update_content_calendar', 'title', 'text', false, null),
    ('update_content_calendar', 'channel', 'marketing_channel', false, null),
    ('send_customer_reply', 'support_ticket_id', 'uuid', true, 'support_tickets'),
    ('send_customer_reply', 'body', 'long_text', true, null),
    ('publish_review_reply', 'review_id', 'uuid', true, 'reviews'),
    ('publish_review_reply', 'body', 'long_text', true, null),
    ('publish_review_reply', 'author_name', 'text', false, null),
    ('post_slack_message', 'channel', 'slack_channel', true, null),
    ('post_slack_message', 'text', 'long_text', true, null),
    ('reorder_inventory', 'product_id', 'uuid', true, 'products'),
    ('reorder_inventory', 'quantity', 'count', true, null),
    ('reorder_inventory', 'supplier_name', 'text', false, null),
    ('apply_discount', 'code', 'discount_code', true, null),
    ('apply_discount', 'percent', 'percent', true, null),
    ('apply_discount', 'title', 'text', false, null),
    ('apply_discount', 'starts_at', 'timestamptz', false, null),
    ('apply_discount', 'ends_at', 'timestamptz', false, null),
    ('apply_discount', 'usage_limit', 'count', false, null),
    ('apply_discount', 'once_per_customer', 'boolean', false, null),
    ('issue_gift_card', 'amount_cents', 'positive_cents', true, null),
    ('issue_gift_card', 'currency', 'currency', false, null),
    ('issue_gift_card', 'customer_id', 'uuid', false, 'customers'),
    ('issue_gift_card', 'note', 'text', false, null),
    ('issue_gift_card', 'expires_on', 'date', false, null),
    ('update_product', 'product_id', 'uuid', true, 'products'),
    ('update_product', 'price_cents', 'positive_cents', false, null),
    ('update_product', 'status', 'product_status', false, null),
    ('update_product', 'title', 'text', false, null),
    ('run_workflow', 'workflow_rule_id', 'uuid', true, 'workflow_rules'),
    ('run_workflow', 'subject', 'object', false, null),
    ('send_webhook', 'endpoint_id', 'uuid', true, 'webhook_endpoints'),
    ('send_webhook', 'event_type', 'event_type', true, null),
    ('send_webhook', 'data', 'object', true, null)
  ) f (action, key, kind, required, names_table)
  where f.action = p_action::text
$function$;
comment on function private.approval_payload_fields(public.approval_action) is 'The payload fields of an action kind: key, kind (private.payload_value_problem), whether required, and the table (in the approval''s workspace) an id names. Ad actions also name their ad campaign (ad_campaign_id, or platform + external_campaign_id); shift_ad_budget names two (from, to).';
