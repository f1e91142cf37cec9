CREATE OR REPLACE FUNCTION private.purge_email_messages()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from private.email_messages where finished_at < now() - interval '30 days'
    or (status in ('sent', 'delivered') and coalesce(delivered_at, sent_at) < now() - interval '30 days');
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.purge_email_messages() is 'pg_cron (email-retention, daily): deletes messages finished or sent more than 30 days ago (their bodies hold tokens); the roll-ups keep the counts.';
