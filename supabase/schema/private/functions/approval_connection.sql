CREATE OR REPLACE FUNCTION private.approval_connection(p_workspace_id uuid, p_action public.approval_action, p_payload jsonb)
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  wanted public.integration_provider;
begin
  if p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget') then
    return (select a.integration_connection_id from public.ad_accounts a
            where a.workspace_id = p_workspace_id
              and a.id = (private.approval_ad_campaign(p_workspace_id,
                            case when p_action = 'shift_ad_budget' then p_payload -> 'from' else p_payload end)).ad_account_id);
  end if;
  wanted := case
    when p_action in ('apply_discount', 'issue_gift_card', 'update_product') then 'shopify'
    when p_action = 'post_slack_message' then 'slack'
    when p_action = 'send_customer_reply' then 'chatwoot' end::public.integration_provider;
  if wanted is null then
    return null;
  end if;
  return (select c.id from public.integration_connections c
          where c.workspace_id = p_workspace_id and c.provider = wanted
          order by (c.status = 'active') desc, c.created_at desc limit 1);
end $function$;
comment on function private.approval_connection(uuid,public.approval_action,jsonb) is 'The integration connection an approved action is executed through (ad account, Shopify, Slack, Chatwoot), or null for actions on our own tables and email.';
