CREATE OR REPLACE FUNCTION private.purge_webhook_history(p_keep interval DEFAULT '30 days'::interval)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  a integer;
  b integer;
begin
  delete from private.webhook_events where received_at < now() - p_keep;
  get diagnostics a = row_count;
  delete from public.webhook_deliveries where status <> 'pending' and created_at < now() - p_keep;
  get diagnostics b = row_count;
  return a + b;
end $function$;
comment on function private.purge_webhook_history(interval) is 'Deletes inbound webhook events and finished outbound deliveries older than p_keep (daily pg_cron job webhook-history-retention). A redelivery of a purged event would be processed again: Shopify stops retrying after 4 hours.';
grant execute on function private.purge_webhook_history(interval) to service_role;
