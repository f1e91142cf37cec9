CREATE OR REPLACE FUNCTION private.finish_review_request(p_request_id uuid, p_sent boolean, p_provider_message_id text DEFAULT NULL::text, p_error text DEFAULT NULL::text)
 RETURNS public.review_request_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r public.review_requests;
begin
  select * into r from public.review_requests where id = p_request_id for update;
  if not found or r.status <> 'due' then
    raise exception 'no due review request %', p_request_id using errcode = 'PT409';
  end if;
  if p_sent then
    update public.review_requests set status = 'sent', provider_message_id = left(p_provider_message_id, 256),
      last_error = null where id = p_request_id;
    return 'sent'::public.review_request_status;
  end if;
  if r.attempts >= 5 then
    update public.review_requests set status = 'cancelled', last_error = left(p_error, 2000),
      cancel_reason = 'the email could not be delivered after 5 attempts' where id = p_request_id;
    return 'cancelled'::public.review_request_status;
  end if;
  update public.review_requests set last_error = left(p_error, 2000),
    claimed_until = now() + make_interval(mins => 5 * power(2, r.attempts)::integer)
  where id = p_request_id;
  return 'due'::public.review_request_status;
end $function$;
comment on function private.finish_review_request(uuid,boolean,text,text) is 'Email dispatcher (service_role): records a delivery; a failure is retried after 10, 20, 40, 80 minutes and cancels the request on the fifth.';
grant execute on function private.finish_review_request(uuid,boolean,text,text) to service_role;
