CREATE OR REPLACE FUNCTION private.finish_email_batch(p_batch_key text, p_outcome text, p_provider_ids text[] DEFAULT NULL::text[], p_error text DEFAULT NULL::text, p_retry_at timestamp with time zone DEFAULT NULL::timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer := 0;
  m record;
begin
  if p_outcome not in ('sent', 'retry', 'throttled', 'dead') then
    raise exception 'p_outcome must be sent, retry, throttled or dead' using errcode = '22023';
  end if;
  if p_outcome = 'sent' then
    -- Resend's ids in message order (the order the batch was sent in), recorded first
    with ids as (
      select x.id, x.status as was, p.provider_id
      from (select e.id, e.status, row_number() over (order by e.id) as i from private.email_messages e
            where e.batch_key = p_batch_key) x
      left join unnest(p_provider_ids) with ordinality p (provider_id, i) on p.i = x.i
    ), upd as (
      update private.email_messages e set provider_message_id = coalesce(e.provider_message_id, left(ids.provider_id, 256))
      from ids where e.id = ids.id and ids.was not in ('queued', 'suppressed', 'failed')
      returning e.id, ids.was
    )
    select count(*) into n from upd;
    -- what each newly sent message was for learns it (a campaign in one statement, the rest one by one)
    update public.email_campaigns c set recipients = c.recipients + b.n
    from (select e.workspace_id, e.email_campaign_id, count(*)::int as n from private.email_messages e
          where e.batch_key = p_batch_key and e.status = 'sending' and e.email_campaign_id is not null
          group by 1, 2) b
    where c.workspace_id = b.workspace_id and c.id = b.email_campaign_id;
    for m in
      select e.id from private.email_messages e
      where e.batch_key = p_batch_key and e.status = 'sending'
        and (e.review_request_id is not null or e.gift_card_email_id is not null)
    loop
      perform private.email_rollup(m.id, 'sent', now());
    end loop;
    update private.email_messages e set status = 'sent', sent_at = coalesce(e.sent_at, now()), lease_expires_at = null,
      last_error = null
    where e.batch_key = p_batch_key and e.status = 'sending';
    -- a campaign whose last batch this was is sent
    update public.email_campaigns c set status = 'sent'
    from (select distinct x.workspace_id, x.email_campaign_id from private.email_messages x
          where x.batch_key = p_batch_key and x.email_campaign_id is not null) b
    where c.workspace_id = b.workspace_id and c.id = b.email_campaign_id and c.status = 'sending'
      and not exists (select 1 from private.email_messages x
                      where x.workspace_id = c.workspace_id and x.email_campaign_id = c.id and x.status in ('queued', 'sending'));
    return n;
  end if;
  if p_outcome = 'throttled' then
    update private.email_sender_state set throttled_until = greatest(coalesce(throttled_until, now()),
      coalesce(p_retry_at, now() + interval '60 seconds')), last_throttle = left(p_error, 2000);
  end if;
  for m in
    update private.email_messages e set
      status = case when p_outcome = 'dead' or (p_outcome = 'retry' and e.attempts >= e.max_attempts) then 'failed'
                    else 'queued' end::private.email_message_status,
      attempts = case when p_outcome = 'throttled' then greatest(e.attempts - 1, 0) else e.attempts end,
      next_attempt_at = case p_outcome
        when 'throttled' then coalesce(p_retry_at, now() + interval '60 seconds')
        when 'retry' then greatest(now() + private.retry_backoff(e.attempts, interval '30 seconds', interval '2 hours', 0.5), p_retry_at)
        else e.next_attempt_at end,
      lease_expires_at = null,
      last_error = left(p_error, 2000),
      finished_at = case when p_outcome = 'dead' or (p_outcome = 'retry' and e.attempts >= e.max_attempts) then now() end
    where e.batch_key = p_batch_key and e.status = 'sending'
    returning e.id, e.status
  loop
    if m.status = 'failed' then
      perform private.email_rollup(m.id, 'failed', now());
    end if;
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.finish_email_batch(text,text,text[],text,timestamp with time zone) is 'The email-send worker''s report on one batch (service role): sent (Resend''s ids in message order; a batch already finished, or events that came first, stay), retry (backoff; a dead letter after max_attempts), throttled (every worker waits until p_retry_at; the attempt is not counted) or dead (the provider refused it). Returns how many messages it reported on.';
grant execute on function private.finish_email_batch(text,text,text[],text,timestamp with time zone) to service_role;
