CREATE OR REPLACE FUNCTION private.approval_undo(p_approval public.agent_approvals)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  p jsonb := p_approval.payload;
  r jsonb := p_approval.replaced;
begin
  if p_approval.status <> 'executed' or r is null then
    return null;
  end if;
  return case p_approval.action
    when 'change_ad_budget' then case when r ->> 'daily_budget_cents' is not null then jsonb_build_object('action', 'change_ad_budget',
      'payload', (p - 'daily_budget_cents') || jsonb_build_object('daily_budget_cents', (r ->> 'daily_budget_cents')::bigint)) end
    when 'pause_ad_campaign' then jsonb_build_object('action', 'resume_ad_campaign', 'payload', p)
    when 'resume_ad_campaign' then jsonb_build_object('action', 'pause_ad_campaign', 'payload', p)
    when 'shift_ad_budget' then jsonb_build_object('action', 'shift_ad_budget',
      'payload', jsonb_build_object('from', p -> 'to', 'to', p -> 'from', 'daily_cents', (p ->> 'daily_cents')::bigint))
    when 'pause_campaign' then jsonb_build_object('action', 'resume_campaign', 'payload', jsonb_build_object('campaign_id', p ->> 'campaign_id'))
    when 'resume_campaign' then jsonb_build_object('action', 'pause_campaign', 'payload', jsonb_build_object('campaign_id', p ->> 'campaign_id'))
    when 'change_campaign_budget' then jsonb_build_object('action', 'change_campaign_budget',
      'payload', jsonb_build_object('campaign_id', p ->> 'campaign_id', 'budget_cents', (r ->> 'budget_cents')::bigint))
    when 'enable_email_automation' then jsonb_build_object('action', 'disable_email_automation', 'payload', p)
    when 'disable_email_automation' then jsonb_build_object('action', 'enable_email_automation', 'payload', p)
    when 'publish_content' then jsonb_build_object('action', 'update_content_calendar',
      'payload', jsonb_build_object('content_calendar_id', p ->> 'content_calendar_id') || jsonb_strip_nulls(r))
    when 'update_content_calendar' then jsonb_build_object('action', 'update_content_calendar',
      'payload', jsonb_build_object('content_calendar_id', p ->> 'content_calendar_id') || jsonb_strip_nulls(r))
    when 'update_product' then jsonb_build_object('action', 'update_product',
      'payload', jsonb_build_object('product_id', p ->> 'product_id') || jsonb_strip_nulls(r))
    when 'publish_review_reply' then case when r ->> 'body' is not null then jsonb_build_object('action', 'publish_review_reply',
      'payload', jsonb_build_object('review_id', p ->> 'review_id', 'body', r ->> 'body', 'author_name', r ->> 'author_name')) end
  end;
end $function$;
comment on function private.approval_undo(public.agent_approvals) is 'The action and payload that undo an executed approval from what it replaced ({"action", "payload"}), or null where the provider allows no undo (an email sent, a Slack post, a gift card, a discount, a webhook) or nothing was replaced.';
grant execute on function private.approval_undo(public.agent_approvals) to authenticated;
