CREATE OR REPLACE FUNCTION private.enqueue_connector_jobs(p_queue text, p_jobs jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  q private.connector_queues;
  n integer;
begin
  q := private.connector_queue(p_queue);
  if jsonb_typeof(p_jobs) is distinct from 'array' then
    raise exception 'p_jobs must be a JSON array of jobs' using errcode = '22023';
  end if;
  insert into private.connector_jobs (queue, workspace_id, connection_id, idempotency_key, payload, priority, max_attempts)
  select p_queue, (e ->> 'workspace_id')::uuid, (e ->> 'connection_id')::uuid, e ->> 'idempotency_key',
         coalesce(e -> 'payload', '{}'), coalesce((e ->> 'priority')::smallint, 100), q.max_attempts
  from jsonb_array_elements(p_jobs) e
  where e ->> 'connection_id' is null
     or exists (select 1 from public.integration_connections c
                where c.id = (e ->> 'connection_id')::uuid and c.workspace_id = (e ->> 'workspace_id')::uuid)
  on conflict (workspace_id, queue, idempotency_key) do nothing;
  get diagnostics n = row_count;
  if n > 0 then
    perform private.wake_function(q.function_name);
  end if;
  return n;
end $function$;
comment on function private.enqueue_connector_jobs(text,jsonb) is 'Queues many jobs in one statement ([{workspace_id, connection_id, idempotency_key, payload, priority}]), each idempotent by (queue, key) and only with a connection of its own workspace; wakes the worker once. Returns how many were new.';
grant execute on function private.enqueue_connector_jobs(text,jsonb) to service_role;
