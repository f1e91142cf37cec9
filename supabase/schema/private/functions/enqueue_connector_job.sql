CREATE OR REPLACE FUNCTION private.enqueue_connector_job(p_queue text, p_workspace_id uuid, p_connection_id uuid, p_idempotency_key text, p_payload jsonb DEFAULT '{}'::jsonb, p_priority smallint DEFAULT 100, p_next_attempt_at timestamp with time zone DEFAULT now())
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  q private.connector_queues;
  jid bigint;
begin
  q := private.connector_queue(p_queue);
  if p_connection_id is not null and not exists (
    select 1 from public.integration_connections c where c.id = p_connection_id and c.workspace_id = p_workspace_id) then
    raise exception 'connection % is not in workspace %', p_connection_id, p_workspace_id using errcode = '22023';
  end if;
  insert into private.connector_jobs (queue, workspace_id, connection_id, idempotency_key, payload, priority,
                                      max_attempts, next_attempt_at)
  values (p_queue, p_workspace_id, p_connection_id, p_idempotency_key, coalesce(p_payload, '{}'), coalesce(p_priority, 100),
          q.max_attempts, coalesce(p_next_attempt_at, now()))
  on conflict (workspace_id, queue, idempotency_key) do nothing
  returning id into jid;
  if jid is null then
    select j.id into jid from private.connector_jobs j
    where j.workspace_id = p_workspace_id and j.queue = p_queue and j.idempotency_key = p_idempotency_key;
  elsif coalesce(p_next_attempt_at, now()) <= now() then
    perform private.wake_function(q.function_name);
  end if;
  return jid;
end $function$;
comment on function private.enqueue_connector_job(text,uuid,uuid,text,jsonb,smallint,timestamp with time zone) is 'Queues one job, idempotently by (queue, key): a key already queued (or done, or dead) returns the existing job''s id and changes nothing. A job due now wakes the queue''s worker at commit.';
grant execute on function private.enqueue_connector_job(text,uuid,uuid,text,jsonb,smallint,timestamp with time zone) to service_role;
