CREATE OR REPLACE FUNCTION private.ad_target(p_campaign public.ad_campaigns)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select jsonb_build_object('ad_campaign_id', p_campaign.id, 'platform', p_campaign.platform,
    'external_campaign_id', p_campaign.external_id, 'name', p_campaign.name,
    'account', a.external_account_id, 'currency', coalesce(a.currency, 'USD'),
    'exponent', coalesce(private.currency_exponent(coalesce(a.currency, 'USD')), 2), 'connection_id', a.integration_connection_id,
    'daily_budget_cents', p_campaign.daily_budget_cents, 'status', p_campaign.status)
  from (select 1) one left join public.ad_accounts a
    on a.workspace_id = p_campaign.workspace_id and a.id = p_campaign.ad_account_id
$function$;
comment on function private.ad_target(public.ad_campaigns) is 'What an ad handler needs of a campaign: platform, external ids, account, currency and its minor-unit exponent, connection, our copy of its daily budget (minor units) and status.';
