CREATE OR REPLACE FUNCTION private.purge_rate_limit_hits()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from private.rate_limit_hits where window_start < now() - interval '1 day';
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.purge_rate_limit_hits() is 'Hourly pg_cron job rate-limit-purge: forgets rate-limit windows older than a day.';
grant execute on function private.purge_rate_limit_hits() to service_role;
