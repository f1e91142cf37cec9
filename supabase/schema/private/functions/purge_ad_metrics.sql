CREATE OR REPLACE FUNCTION private.purge_ad_metrics(p_today date DEFAULT CURRENT_DATE)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from public.ad_metrics_daily m
  using public.workspaces w
  left join public.ads_settings s on s.workspace_id = w.id
  where m.workspace_id = w.id and m.day < p_today - coalesce(s.metrics_retention_days, 730);
  get diagnostics n = row_count;
  delete from public.ad_metrics_rollup_daily r
  using public.workspaces w
  left join public.ads_settings s on s.workspace_id = w.id
  where r.workspace_id = w.id and r.day < p_today - coalesce(s.metrics_retention_days, 730);
  delete from private.ad_rollup_dirty d
  using public.workspaces w
  left join public.ads_settings s on s.workspace_id = w.id
  where d.workspace_id = w.id and d.day < p_today - coalesce(s.metrics_retention_days, 730);
  return n;
end $function$;
comment on function private.purge_ad_metrics(date) is 'Deletes ad metrics (and rollup days) older than each workspace''s retention window; returns rows purged.';
grant execute on function private.purge_ad_metrics(date) to service_role;
