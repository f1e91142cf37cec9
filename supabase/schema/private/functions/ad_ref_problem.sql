CREATE OR REPLACE FUNCTION private.ad_ref_problem(p_workspace_id uuid, p_ref jsonb, p_where text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  problem text;
begin
  if jsonb_typeof(p_ref) is distinct from 'object' then
    return p_where || ': must name an ad campaign';
  end if;
  if p_ref ? 'ad_campaign_id' then
    problem := private.payload_value_problem(p_ref -> 'ad_campaign_id', 'uuid');
    if problem is not null then return p_where || 'ad_campaign_id ' || problem; end if;
  else
    problem := coalesce('platform ' || private.payload_value_problem(p_ref -> 'platform', 'platform'),
                        'external_campaign_id ' || private.payload_value_problem(p_ref -> 'external_campaign_id', 'external_id'));
    if problem is not null then
      return p_where || problem || ' (or give ad_campaign_id)';
    end if;
  end if;
  if (private.approval_ad_campaign(p_workspace_id, p_ref)).id is null then
    return p_where || 'names no ad campaign of this workspace';
  end if;
  if (private.approval_ad_campaign(p_workspace_id, p_ref)).platform not in ('meta', 'google', 'tiktok') then
    return p_where || 'names a campaign on a platform the executor cannot change';
  end if;
  return null;
end $function$;
comment on function private.ad_ref_problem(uuid,jsonb,text) is 'Why a payload part does not name an ad campaign of the workspace on Meta, Google or TikTok, or null.';
