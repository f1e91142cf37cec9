CREATE OR REPLACE FUNCTION private.finish_webhook_event(p_id bigint, p_status public.webhook_event_status, p_error text, p_permanent boolean DEFAULT false)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update private.webhook_events e set
    process_attempts = e.process_attempts + 1,
    status = case when p_error is null then p_status
                  when p_permanent or e.process_attempts + 1 >= 5 then 'dead'
                  else 'failed' end::public.webhook_event_status,
    error = left(p_error, 2000),
    next_attempt_at = case when p_error is not null and not p_permanent and e.process_attempts + 1 < 5
                           then now() + interval '30 seconds' * power(2, e.process_attempts) end,
    processed_at = case when p_error is null then now() else e.processed_at end
  where e.id = p_id
$function$;
comment on function private.finish_webhook_event(bigint,public.webhook_event_status,text,boolean) is 'Records a processing attempt: the outcome, or the error with a retry (30 s, 60 s, 120 s, 240 s) and dead after the 5th or at once when the error is permanent.';
