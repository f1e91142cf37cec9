CREATE OR REPLACE FUNCTION private.require_one_ad_currency(p_workspace_id uuid, p_from date, p_to date)
 RETURNS void
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  held text[];
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);  -- who may look, before anything is read
  if (select count(*) from private.ad_metric_currencies c where c.workspace_id = p_workspace_id) <= 1 then
    return;
  end if;
  select array_agg(distinct m.currency::text order by m.currency::text) into held from public.ad_metrics_daily m
  where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to;
  if cardinality(held) > 1 then
    raise exception 'ad spend in this range is in % currencies (%); totals are not added up across currencies',
      cardinality(held), array_to_string(held, ', ')
      using errcode = 'PT409', detail = jsonb_build_object('currencies', held)::text,
            hint = 'ads_currencies lists the spend in each; pick a range or accounts in one currency';
  end if;
end $function$;
comment on function private.require_one_ad_currency(uuid,date,date) is 'Dashboards'' guard, after the dashboards'' own range and membership check: PT409 naming the currencies when a workspace''s campaign-level ad rows in the range are in more than one (no conversion is made). One lookup for single-currency workspaces.';
grant execute on function private.require_one_ad_currency(uuid,date,date) to authenticated;
grant execute on function private.require_one_ad_currency(uuid,date,date) to service_role;
