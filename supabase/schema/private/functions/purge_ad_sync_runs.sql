CREATE OR REPLACE FUNCTION private.purge_ad_sync_runs()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from public.ad_sync_runs where created_at < now() - interval '90 days' and status in ('succeeded', 'dead');
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.purge_ad_sync_runs() is 'pg_cron (ads-sync-retention, daily): finished sync runs after 90 days.';
