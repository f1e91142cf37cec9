CREATE OR REPLACE FUNCTION private.conversion_batch(p_job_ids bigint[])
 RETURNS TABLE(job_id bigint, destination public.conversion_destination, pixel_id text, test_event_code text, event_name text, event_id text, occurred_at timestamp with time zone, value numeric, currency character, marketing_consent boolean, user_data jsonb, shopify_order_id text, visitor_id text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select j.id, d.destination, d.pixel_id, d.test_event_code, e.event_name, e.event_id, e.occurred_at,
         e.value_cents / power(10::numeric, coalesce(private.currency_exponent(e.currency), 2)),
         e.currency, e.marketing_consent, e.user_data, e.shopify_order_id, e.visitor_id
  from private.connector_jobs j
  join public.conversion_destinations d on d.workspace_id = j.workspace_id
    and d.destination = (j.payload ->> 'destination')::public.conversion_destination
  join public.pixel_events e on e.workspace_id = j.workspace_id and e.event_id = j.payload ->> 'event_id'
    and e.occurred_at = (j.payload ->> 'occurred_at')::timestamptz
  where j.id = any (p_job_ids) and j.queue = 'conversions'
$function$;
comment on function private.conversion_batch(bigint[]) is 'The conversions worker: each claimed job''s destination (pixel, test code) and event (name, id, time, value in major units of its currency, consent, hashed user data). A job whose event or destination is gone is not returned.';
grant execute on function private.conversion_batch(bigint[]) to service_role;
