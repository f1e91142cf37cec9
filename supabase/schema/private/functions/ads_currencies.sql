CREATE OR REPLACE FUNCTION private.ads_currencies(p_workspace_id uuid, p_from date, p_to date)
 RETURNS TABLE(currency character, spend_cents bigint)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if (select count(*) from private.ad_metric_currencies c where c.workspace_id = p_workspace_id) <= 1 then
    return query select c.currency, coalesce((select sum(m.spend_cents) from public.ad_metrics_daily m
      where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to), 0)::bigint
      from private.ad_metric_currencies c where c.workspace_id = p_workspace_id
        and exists (select 1 from public.ad_metrics_daily m where m.workspace_id = p_workspace_id and m.level = 'campaign'
                    and m.day between p_from and p_to);
    return;
  end if;
  return query
  select m.currency, sum(m.spend_cents)::bigint from public.ad_metrics_daily m
  where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to
  group by m.currency order by 2 desc, 1;
end $function$;
comment on function private.ads_currencies(uuid,date,date) is 'What public.ads_currencies returns, read as the owner after one membership check.';
grant execute on function private.ads_currencies(uuid,date,date) to authenticated;
grant execute on function private.ads_currencies(uuid,date,date) to service_role;
