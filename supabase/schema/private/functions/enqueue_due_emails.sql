CREATE OR REPLACE FUNCTION private.enqueue_due_emails()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  n := private.start_due_email_campaigns() + private.enqueue_review_request_emails() + private.enqueue_gift_card_emails()
       + private.enqueue_privacy_export_emails();
  if exists (select 1 from private.email_messages m
             where (m.status = 'queued' and m.next_attempt_at <= now()) or (m.status = 'sending' and m.lease_expires_at <= now()))
     and not (select coalesce(s.throttled_until > now(), false) from private.email_sender_state s) then
    perform private.wake_function('email-send');
  end if;
  return n;
end $function$;
comment on function private.enqueue_due_emails() is 'pg_cron (email-enqueue, every minute): starts due campaigns, queues due review requests, issued gift cards and ready exports, and wakes the sender when anything is due (retries, lapsed leases, delayed automation steps).';
grant execute on function private.enqueue_due_emails() to service_role;
