CREATE OR REPLACE FUNCTION private.claim_connector_jobs(p_queue text, p_limit integer)
 RETURNS SETOF private.connector_job_claim
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  q private.connector_queues;
begin
  q := private.connector_queue(p_queue);
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('jobs', p_limit, 1000);

  -- leases that ran out on their last attempt: the worker died on this job every time
  update private.connector_jobs j set status = 'dead', finished_at = now(), lease_id = null, lease_expires_at = null,
    last_outcome = 'dead', last_error = coalesce(j.last_error || ' / ', '') ||
                 format('the worker did not report back within the lease (%s attempts)', j.attempts)
  where j.queue = p_queue and j.status = 'running' and j.lease_expires_at <= now() and j.attempts >= j.max_attempts;

  if q.one_per_connection then
    return query
    with conns as (
      -- connections with due work, none of it leased, callable now; locked so two claims never
      -- pick the same connection (a job without a connection is its own unit)
      select c.id from public.integration_connections c
      where c.id in (select j.connection_id from private.connector_jobs j
                     where j.queue = p_queue and j.connection_id is not null
                       and ((j.status = 'queued' and j.next_attempt_at <= now())
                            or (j.status = 'running' and j.lease_expires_at <= now())))
        and private.connection_callable(c.status, c.health, c.throttled_until)
        and not exists (select 1 from private.connector_jobs r
                        where r.connection_id = c.id and r.queue = p_queue and r.status = 'running'
                          and r.lease_expires_at > now())
      order by c.id
      limit p_limit
      for no key update of c skip locked
    ), by_connection as (
      select n.id from conns
      cross join lateral (
        select j.id from private.connector_jobs j
        where j.queue = p_queue and j.connection_id = conns.id
          and ((j.status = 'queued' and j.next_attempt_at <= now()) or (j.status = 'running' and j.lease_expires_at <= now()))
        order by j.priority, j.next_attempt_at, j.id
        limit 1
        for update of j skip locked
      ) n
    ), without_connection as (
      select j.id from private.connector_jobs j
      where j.queue = p_queue and j.connection_id is null
        and ((j.status = 'queued' and j.next_attempt_at <= now()) or (j.status = 'running' and j.lease_expires_at <= now()))
      order by j.priority, j.next_attempt_at, j.id
      limit p_limit
      for update of j skip locked
    ), claimed as (
      update private.connector_jobs j set status = 'running', attempts = j.attempts + 1, lease_id = gen_random_uuid(),
        lease_expires_at = now() + q.lease
      where j.id in (select id from (select b.id from by_connection b union all select w.id from without_connection w) a
                     limit p_limit)
      returning j.*
    )
    select cl.id, cl.lease_id, cl.workspace_id, cl.connection_id, c.provider, c.external_account_id, cl.idempotency_key,
           cl.payload, cl.progress, cl.attempts, cl.max_attempts
    from claimed cl left join public.integration_connections c on c.id = cl.connection_id
    order by cl.priority, cl.id;
  else
    return query
    with picked as (
      select j.id from private.connector_jobs j
      left join public.integration_connections c on c.id = j.connection_id
      where j.queue = p_queue
        and ((j.status = 'queued' and j.next_attempt_at <= now()) or (j.status = 'running' and j.lease_expires_at <= now()))
        and (j.connection_id is null or private.connection_callable(c.status, c.health, c.throttled_until))
      order by j.priority, j.next_attempt_at, j.id
      limit p_limit
      for update of j skip locked
    ), claimed as (
      update private.connector_jobs j set status = 'running', attempts = j.attempts + 1, lease_id = gen_random_uuid(),
        lease_expires_at = now() + q.lease
      from picked where j.id = picked.id
      returning j.*
    )
    select cl.id, cl.lease_id, cl.workspace_id, cl.connection_id, c.provider, c.external_account_id, cl.idempotency_key,
           cl.payload, cl.progress, cl.attempts, cl.max_attempts
    from claimed cl left join public.integration_connections c on c.id = cl.connection_id
    order by cl.connection_id, cl.priority, cl.id;
  end if;
end $function$;
comment on function private.claim_connector_jobs(text,integer) is 'A worker''s claim: leases up to p_limit due jobs of the queue (FOR UPDATE SKIP LOCKED), skipping connections that are throttled, waiting for re-authorisation or not active; one job per connection (and none while one is leased) when the queue says so. Jobs whose lease ran out on their last attempt are dead first.';
grant execute on function private.claim_connector_jobs(text,integer) to service_role;
