CREATE OR REPLACE FUNCTION private.approval_ad_campaign(p_workspace_id uuid, p_ref jsonb)
 RETURNS public.ad_campaigns
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select c.* from public.ad_campaigns c
  where c.workspace_id = p_workspace_id
    and case when p_ref ? 'ad_campaign_id'
             then c.id::text = lower(p_ref ->> 'ad_campaign_id')
             else c.platform::text = p_ref ->> 'platform' and c.external_id = p_ref ->> 'external_campaign_id' end
$function$;
comment on function private.approval_ad_campaign(uuid,jsonb) is 'The workspace''s ad campaign a payload names by ad_campaign_id or by platform and external_campaign_id (no row: null fields).';
