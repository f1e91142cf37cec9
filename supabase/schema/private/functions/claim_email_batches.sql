CREATE OR REPLACE FUNCTION private.claim_email_batches(p_limit integer, p_lease_seconds integer DEFAULT 120, p_workspace_id uuid DEFAULT NULL::uuid)
 RETURNS SETOF private.email_batch
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  dead_id bigint;
begin
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('batches', p_limit, 100);
  -- one claim at a time: a batch is claimed whole or not at all
  perform pg_advisory_xact_lock(hashtext('private.claim_email_batches'));
  if (select s.throttled_until > now() from private.email_sender_state s) then
    return;
  end if;
  perform private.prepare_email_messages(p_limit * 100, p_workspace_id);
  -- leases that ran out on the last attempt: a dead letter
  for dead_id in
    update private.email_messages m set status = 'failed', lease_expires_at = null, finished_at = now(),
      last_error = left(coalesce(m.last_error || ' / ', '') || 'the worker did not report back within the lease', 2000)
    where m.status = 'sending' and m.lease_expires_at <= now() and m.attempts >= m.max_attempts
    returning m.id
  loop
    perform private.email_rollup(dead_id, 'failed', now());
  end loop;
  return query
  with keys as (
    select k.batch_key from (
      (select m.batch_key, m.id from private.email_messages m
       where m.status = 'queued' and m.batch_key is not null and m.next_attempt_at <= now()
         and (p_workspace_id is null or m.workspace_id = p_workspace_id or m.workspace_id is null)
         and (m.email_campaign_id is null
              or exists (select 1 from public.email_campaigns c
                         where c.workspace_id = m.workspace_id and c.id = m.email_campaign_id and c.status = 'sending'))
       order by m.next_attempt_at, m.id
       limit p_limit * 100)
      union all
      (select m.batch_key, m.id from private.email_messages m
       where m.status = 'sending' and m.lease_expires_at <= now()
         and (p_workspace_id is null or m.workspace_id = p_workspace_id or m.workspace_id is null)
       order by m.lease_expires_at
       limit p_limit * 100)
    ) k
    group by k.batch_key
    order by min(k.id)
    limit p_limit
  ), claimed as (
    update private.email_messages m set status = 'sending', attempts = m.attempts + 1,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds)
    from keys where m.batch_key = keys.batch_key and m.status in ('queued', 'sending')
    returning m.*
  )
  select c.batch_key, min(c.kind::text)::public.email_kind,
         jsonb_agg(jsonb_build_object('id', c.id, 'workspace_id', c.workspace_id, 'to', c.to_email, 'from', c.from_address,
           'reply_to', c.reply_to, 'subject', c.subject, 'html', c.html, 'text', c.text_body, 'headers', c.headers,
           'kind', c.kind) order by c.id)
  from claimed c
  group by c.batch_key
  order by min(c.id);
end $function$;
comment on function private.claim_email_batches(integer,integer,uuid) is 'The email-send worker''s claim (service role): nothing while the provider throttles; else prepares new messages, then leases up to p_limit (<= 100) due batches whole (retries and lapsed leases keep their key and messages); p_workspace_id limits it to one workspace and the account emails (tests, draining one workspace). Serialized by a transaction lock.';
grant execute on function private.claim_email_batches(integer,integer,uuid) to service_role;
