CREATE OR REPLACE FUNCTION private.finish_webhook_delivery(p_id bigint, p_status_code integer, p_error text)
 RETURNS public.webhook_delivery_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  d public.webhook_deliveries;
  ok boolean := p_status_code between 200 and 299;
begin
  select * into d from public.webhook_deliveries where id = p_id for update;
  if not found or d.status <> 'pending' then
    raise exception 'no pending delivery %', p_id using errcode = 'P0002';
  end if;
  if ok then
    update public.webhook_deliveries set status = 'succeeded', delivered_at = now(), last_status_code = p_status_code,
      last_error = null where id = p_id;
    update public.webhook_endpoints set consecutive_failures = 0 where id = d.endpoint_id;
    return 'succeeded'::public.webhook_delivery_status;
  end if;
  update public.webhook_deliveries set
    status = case when d.attempts >= 8 then 'dead' else 'pending' end::public.webhook_delivery_status,
    next_attempt_at = now() + private.webhook_backoff(d.attempts),
    last_status_code = p_status_code, last_error = left(p_error, 2000)
  where id = p_id;
  update public.webhook_endpoints set consecutive_failures = consecutive_failures + 1,
    enabled = case when consecutive_failures + 1 >= 50 then false else enabled end,
    disabled_at = case when consecutive_failures + 1 >= 50 and enabled then now() else disabled_at end,
    disabled_reason = case when consecutive_failures + 1 >= 50 and enabled
                           then '50 consecutive failed deliveries' else disabled_reason end
  where id = d.endpoint_id;
  return case when d.attempts >= 8 then 'dead' else 'pending' end::public.webhook_delivery_status;
end $function$;
comment on function private.finish_webhook_delivery(bigint,integer,text) is 'Records one delivery attempt: success, retry with backoff, or dead letter; disables endpoints after sustained failure.';
grant execute on function private.finish_webhook_delivery(bigint,integer,text) to service_role;
