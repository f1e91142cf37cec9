CREATE OR REPLACE FUNCTION private.finish_connector_job(p_job_id bigint, p_lease_id uuid, p_outcome private.connector_job_outcome, p_last_error text DEFAULT NULL::text, p_next_attempt_at timestamp with time zone DEFAULT NULL::timestamp with time zone, p_progress jsonb DEFAULT NULL::jsonb, p_provider_ref text DEFAULT NULL::text)
 RETURNS private.connector_job_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  q private.connector_queues;
  next_status private.connector_job_status;
  due timestamptz;
  counted integer;
begin
  select * into j from private.connector_jobs where id = p_job_id for update;
  if not found or j.status <> 'running' or j.lease_id is distinct from p_lease_id then
    return null;  -- the lease was lost: another worker has (or finished) the job
  end if;
  select * into q from private.connector_queues where queue = j.queue;
  counted := case when p_outcome in ('wait', 'throttled') then j.attempts - 1
                  when p_outcome = 'continue' then 0 else j.attempts end;
  next_status := case
    when p_outcome = 'done' then 'done'
    when p_outcome = 'dead' or (p_outcome = 'retry' and j.attempts >= j.max_attempts) then 'dead'
    else 'queued' end::private.connector_job_status;
  due := case p_outcome
    when 'continue' then coalesce(p_next_attempt_at, now())
    when 'wait' then coalesce(p_next_attempt_at, now() + interval '10 seconds')
    when 'throttled' then coalesce(p_next_attempt_at, now() + interval '60 seconds')
    when 'retry' then greatest(now() + private.retry_backoff(j.attempts, q.backoff_base, q.backoff_cap, 0.5), p_next_attempt_at)
    else j.next_attempt_at end;
  update private.connector_jobs set status = next_status, attempts = greatest(counted, 0), next_attempt_at = due,
    lease_id = null, lease_expires_at = null,
    finished_at = case when next_status in ('done', 'dead') then now() end,
    progress = coalesce(p_progress, progress),
    provider_ref = coalesce(left(p_provider_ref, 300), provider_ref),
    last_outcome = p_outcome,
    last_error = case when p_outcome in ('done', 'continue') then last_error else coalesce(left(p_last_error, 2000), last_error) end
  where id = p_job_id;
  return next_status;
end $function$;
comment on function private.finish_connector_job(bigint,uuid,private.connector_job_outcome,text,timestamp with time zone,jsonb,text) is 'The worker''s report on one job under its lease: done, dead, or queued again (continue at once, wait or throttled until p_next_attempt_at without counting the attempt, retry after the queue''s backoff with jitter, dead after max_attempts). Returns the new status; null when the lease was lost (nothing changed).';
grant execute on function private.finish_connector_job(bigint,uuid,private.connector_job_outcome,text,timestamp with time zone,jsonb,text) to service_role;
