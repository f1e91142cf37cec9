CREATE OR REPLACE FUNCTION private.ad_object_problem(p jsonb, p_kind text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case
    when jsonb_typeof(p) is distinct from 'object' then 'row: must be an object'
    when coalesce(btrim(p ->> 'external_id'), '') = '' then 'external_id: is required'
    when char_length(p ->> 'external_id') > 64 then 'external_id: at most 64 characters'
    when coalesce(btrim(p ->> 'name'), '') = '' then 'name: is required'
    when not coalesce(p ->> 'status' = any (enum_range(null::public.ad_status)::text[]), false)
      then 'status: must be one of ' || array_to_string(enum_range(null::public.ad_status)::text[], ', ')
    when p_kind = 'ad_group' and coalesce(btrim(p ->> 'campaign_external_id'), '') = '' then 'campaign_external_id: is required'
    when p_kind = 'ad' and coalesce(btrim(p ->> 'ad_group_external_id'), '') = '' then 'ad_group_external_id: is required'
    else (select f || ': ' || pr from unnest(array['daily_budget', 'daily_budget_minor', 'daily_budget_micros',
            'lifetime_budget', 'lifetime_budget_minor', 'lifetime_budget_micros', 'cpc_bid_micros']) f
          cross join lateral (select private.amount_problem(p -> f,
            case when f like '%\_minor' then 'minor' when f like '%\_micros' then 'micros' else 'major' end) as pr) x
          where p ? f and x.pr is not null limit 1)
  end
$function$;
comment on function private.ad_object_problem(jsonb,text) is 'Checks one campaign, ad group or ad of a sync page: ids, a name, a known status, non-negative amounts; null when it is fine, else ''field: reason''.';
