CREATE OR REPLACE FUNCTION private.maintain_analytics_partitions()
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.ensure_monthly_partitions('public.user_analytics_events', current_date, 3)
$function$;
comment on function private.maintain_analytics_partitions() is 'pg_cron job analytics-partitions (daily): partitions of user_analytics_events for this month and the next two.';
grant execute on function private.maintain_analytics_partitions() to service_role;
