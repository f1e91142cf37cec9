CREATE OR REPLACE FUNCTION private.maintain_ops_partitions()
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.ensure_monthly_partitions('public.ops_logs', current_date, 3)
$function$;
comment on function private.maintain_ops_partitions() is 'pg_cron job ops-partitions (daily): makes sure ops_logs has partitions for this month and the next two.';
grant execute on function private.maintain_ops_partitions() to service_role;
