CREATE OR REPLACE FUNCTION private.wake_connector_queues()
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
    select distinct q.function_name from private.connector_queues q
    where exists (select 1 from private.connector_jobs j
                  left join public.integration_connections c on c.id = j.connection_id
                  where j.queue = q.queue
                    and ((j.status = 'queued' and j.next_attempt_at <= now())
                         or (j.status = 'running' and j.lease_expires_at <= now()))
                    and (j.connection_id is null or private.connection_callable(c.status, c.health, c.throttled_until)))
  loop
    perform private.wake_function(fn);
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.wake_connector_queues() is 'pg_cron (connector-queues, every minute): wakes the worker of every queue with a job due on a callable connection (retries, waits, lapsed leases); returns how many workers it woke.';
