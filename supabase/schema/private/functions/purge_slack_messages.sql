CREATE OR REPLACE FUNCTION private.purge_slack_messages(p_keep interval DEFAULT '30 days'::interval)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from public.slack_messages m
  where m.posted_at < now() - p_keep
    and not exists (select 1 from public.slack_threads t
                    where t.preserved and t.workspace_id = m.workspace_id and t.slack_channel_id = m.slack_channel_id
                      and t.thread_ts = m.thread_ts);
  get diagnostics n = row_count;
  delete from public.slack_threads t
  where not t.preserved and coalesce(t.last_reply_at, t.created_at) < now() - p_keep
    and not exists (select 1 from public.slack_messages m
                    where m.workspace_id = t.workspace_id and m.slack_channel_id = t.slack_channel_id and m.thread_ts = t.thread_ts);
  return n;
end $function$;
comment on function private.purge_slack_messages(interval) is 'pg_cron job slack-retention (daily): deletes messages posted more than p_keep ago unless their thread is preserved, then threads left empty; returns messages purged.';
grant execute on function private.purge_slack_messages(interval) to service_role;
