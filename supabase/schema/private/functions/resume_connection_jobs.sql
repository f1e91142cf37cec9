CREATE OR REPLACE FUNCTION private.resume_connection_jobs(p_connection_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  fn text;
  n integer := 0;
begin
  for fn in
    with resumed as (
      update private.connector_jobs j set next_attempt_at = now()
      where j.connection_id = p_connection_id and j.status = 'queued' and j.last_outcome = 'throttled'
        and j.next_attempt_at > now()
      returning j.queue
    )
    select distinct q.function_name from resumed r join private.connector_queues q on q.queue = r.queue
  loop
    perform private.wake_function(fn);
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.resume_connection_jobs(uuid) is 'A connection got new credentials (a reconnect, a new API key): its queued jobs that were waiting (throttled or for re-authorisation) are due at once and their workers woken, instead of waiting out their next attempt. Returns how many workers it woke.';
