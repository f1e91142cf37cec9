CREATE OR REPLACE FUNCTION private.note_ad_metric_currencies()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into private.ad_metric_currencies (workspace_id, currency)
  select distinct n.workspace_id, n.currency from new_rows n
  where not exists (select 1 from private.ad_metric_currencies c where c.workspace_id = n.workspace_id and c.currency = n.currency)
  on conflict do nothing;
  return null;
end $function$;
comment on function private.note_ad_metric_currencies() is 'Statement trigger on ad_metrics_daily: records the currencies its rows are written in.';
