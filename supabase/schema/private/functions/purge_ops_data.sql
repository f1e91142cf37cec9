CREATE OR REPLACE FUNCTION private.purge_ops_data(p_now timestamp with time zone DEFAULT now())
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  logs integer;
  errs integer;
begin
  delete from public.ops_logs l
  using public.workspaces w left join public.ops_settings s on s.workspace_id = w.id
  where l.workspace_id = w.id and l.logged_at < p_now - make_interval(days => coalesce(s.log_retention_days, 30));
  get diagnostics logs = row_count;
  delete from public.ops_errors e
  using public.workspaces w left join public.ops_settings s on s.workspace_id = w.id
  where e.workspace_id = w.id and e.status in ('resolved', 'ignored')
    and e.last_seen_at < p_now - make_interval(days => coalesce(s.resolved_error_retention_days, 90));
  get diagnostics errs = row_count;
  -- Whole months past the longest possible log window (365 days) go at once.
  perform private.drop_monthly_partitions('public.ops_logs', p_now - interval '366 days');
  return logs + errs;
end $function$;
comment on function private.purge_ops_data(timestamp with time zone) is 'pg_cron job ops-retention (daily): deletes logs older than each workspace''s log window (default 30 days) and resolved or ignored errors not seen within their window (default 90 days); drops log partitions past 366 days. Returns rows deleted.';
grant execute on function private.purge_ops_data(timestamp with time zone) to service_role;
