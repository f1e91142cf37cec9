CREATE OR REPLACE FUNCTION private.claim_webhook_deliveries(p_limit integer DEFAULT 50)
 RETURNS TABLE(id bigint, message_id text, url text, secret text, event_type text, payload jsonb, attempts integer)
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with due as (
    select d.id from public.webhook_deliveries d
    join public.webhook_endpoints e on e.id = d.endpoint_id and e.enabled
    where d.status = 'pending' and d.next_attempt_at <= now()
    order by d.next_attempt_at
    limit p_limit
    for update of d skip locked
  ), claimed as (
    update public.webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = now() + interval '60 seconds'
    from due where d.id = due.id
    returning d.id, d.message_id, d.endpoint_id, d.event_type, d.payload, d.attempts
  )
  select c.id, c.message_id, e.url, s.secret, c.event_type, c.payload, c.attempts
  from claimed c join public.webhook_endpoints e on e.id = c.endpoint_id
  join private.webhook_endpoint_secrets s on s.endpoint_id = c.endpoint_id
$function$;
comment on function private.claim_webhook_deliveries(integer) is 'Leases up to p_limit due deliveries (skip locked) with their endpoint URL and secret.';
grant execute on function private.claim_webhook_deliveries(integer) to service_role;
