CREATE OR REPLACE FUNCTION private.approval_domain(p_action public.approval_action)
 RETURNS public.decision_domain
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select (case
    when p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget') then 'ads'
    when p_action in ('pause_campaign', 'resume_campaign', 'change_campaign_budget', 'apply_discount', 'issue_gift_card',
                      'update_product') then 'growth'
    when p_action in ('send_email_campaign', 'enable_email_automation', 'disable_email_automation', 'publish_content',
                      'update_content_calendar', 'post_slack_message') then 'content'
    when p_action in ('send_customer_reply', 'publish_review_reply') then 'cx'
    when p_action = 'reorder_inventory' then 'inventory'
    else 'other' end)::public.decision_domain
$function$;
comment on function private.approval_domain(public.approval_action) is 'Maps an approval action to the decision_log domain it is recorded under.';
