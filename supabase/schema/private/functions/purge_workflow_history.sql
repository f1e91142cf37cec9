CREATE OR REPLACE FUNCTION private.purge_workflow_history(p_keep interval DEFAULT '90 days'::interval)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from public.workflow_executions e where e.finished_at < now() - p_keep;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.purge_workflow_history(interval) is 'Daily pg_cron job workflow-history-retention: deletes finished executions (and their actions) older than p_keep (90 days).';
grant execute on function private.purge_workflow_history(interval) to service_role;
