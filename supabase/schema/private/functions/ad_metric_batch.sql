CREATE OR REPLACE FUNCTION private.ad_metric_batch(p_workspace_id uuid, p_rows jsonb)
 RETURNS SETOF private.ad_metric_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  -- materialized: the checks run once per row, not once per join that reads them
  with rows as materialized (
    select e.ordinality - 1 as idx, e.value as r,
      case
        when jsonb_typeof(e.value) <> 'object' then 'row: must be an object'
        when not coalesce(e.value ->> 'platform' = any (enum_range(null::public.ad_platform)::text[]), false)
          then 'platform: must be one of ' || array_to_string(enum_range(null::public.ad_platform)::text[], ', ')
        when not coalesce(e.value ->> 'level' = any (enum_range(null::public.ad_level)::text[]), false)
          then 'level: must be one of account, campaign, ad_group, ad'
        when coalesce(btrim(e.value ->> 'external_id'), '') = '' then 'external_id: is required'
        when not coalesce(e.value ->> 'day' ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$'
                 and substr(e.value ->> 'day', 9, 2)::int <= extract(day from
                   date_trunc('month', (substr(e.value ->> 'day', 1, 8) || '01')::date) + interval '1 month - 1 day'), false)
          then 'day: must be a calendar date (YYYY-MM-DD)'
        -- whole non-negative numbers print as plain digits in jsonb's text form
        when e.value ? 'spend_cents' and (e.value -> 'spend_cents')::text !~ '^\d{1,15}$' then 'spend_cents: must be a non-negative whole number'
        when e.value ? 'impressions' and (e.value -> 'impressions')::text !~ '^\d{1,15}$' then 'impressions: must be a non-negative whole number'
        when e.value ? 'clicks' and (e.value -> 'clicks')::text !~ '^\d{1,15}$' then 'clicks: must be a non-negative whole number'
        when e.value ? 'revenue_cents' and (e.value -> 'revenue_cents')::text !~ '^\d{1,15}$' then 'revenue_cents: must be a non-negative whole number'
        when e.value ? 'conversions' and (e.value -> 'conversions')::text !~ '^\d{1,14}(\.\d{1,4})?$'
          then 'conversions: must be a non-negative number with at most 4 decimals'
        when coalesce((e.value ->> 'clicks')::numeric, 0) > coalesce((e.value ->> 'impressions')::numeric, 0)
          then 'clicks: cannot exceed impressions'
        when e.value ? 'currency' and coalesce(e.value ->> 'currency', '') !~ '^[A-Z]{3}$' then 'currency: must be a three-letter ISO code'
      end as problem
    from jsonb_array_elements(p_rows) with ordinality e
  ), typed as materialized (
    select r.idx, r.r, r.problem, p.platform, p.level, r.r ->> 'external_id' as ext
    from rows r
    cross join lateral (
      select case when r.problem is null then (r.r ->> 'platform')::public.ad_platform end as platform,
             case when r.problem is null then (r.r ->> 'level')::public.ad_level end as level
    ) p
  )
  select t.idx,
    coalesce(t.problem, case when coalesce(acc.id, cmp.id, grp.id, ad.id) is null
      then format('external_id: no %s %s in this workspace', replace(t.level::text, '_', ' '), t.ext) end),
    t.platform, t.level,
    coalesce(acc.id, cmp.id, grp.id, ad.id),
    coalesce(acc.id, cmp.ad_account_id, grp_c.ad_account_id, ad_c.ad_account_id),
    coalesce(cmp.id, grp.campaign_id, ad_g.campaign_id),
    coalesce(grp.id, ad.ad_group_id),
    ad.id,
    case when t.problem is null then (t.r ->> 'day')::date end,
    coalesce(t.r ->> 'currency', 'USD')::char(3),
    case when t.problem is null then coalesce((t.r ->> 'spend_cents')::bigint, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'impressions')::bigint, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'clicks')::bigint, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'conversions')::numeric, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'revenue_cents')::bigint, 0) end
  from typed t
  left join public.ad_accounts acc on t.level = 'account' and acc.workspace_id = p_workspace_id
    and acc.platform = t.platform and acc.external_account_id = t.ext
  left join public.ad_campaigns cmp on t.level = 'campaign' and cmp.workspace_id = p_workspace_id
    and cmp.platform = t.platform and cmp.external_id = t.ext
  left join public.ad_groups grp on t.level = 'ad_group' and grp.workspace_id = p_workspace_id
    and grp.platform = t.platform and grp.external_id = t.ext
  left join public.ad_campaigns grp_c on grp_c.id = grp.campaign_id
  left join public.ads ad on t.level = 'ad' and ad.workspace_id = p_workspace_id
    and ad.platform = t.platform and ad.external_id = t.ext
  left join public.ad_groups ad_g on ad_g.id = ad.ad_group_id
  left join public.ad_campaigns ad_c on ad_c.id = ad_g.campaign_id
$function$;
comment on function private.ad_metric_batch(uuid,jsonb) is 'Validates and resolves an ingest_ad_metrics batch; objects are looked up in the given workspace only, under the caller''s RLS.';
grant execute on function private.ad_metric_batch(uuid,jsonb) to authenticated;
grant execute on function private.ad_metric_batch(uuid,jsonb) to service_role;
