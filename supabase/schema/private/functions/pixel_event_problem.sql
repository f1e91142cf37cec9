CREATE OR REPLACE FUNCTION private.pixel_event_problem(p_event jsonb, p_oldest timestamp with time zone)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  k text;
begin
  if jsonb_typeof(p_event) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if jsonb_typeof(p_event -> 'event_id') is distinct from 'string' or char_length(p_event ->> 'event_id') not between 1 and 128 then
    return 'event_id: is required (1-128 characters)';
  end if;
  if coalesce(p_event ->> 'event_name', '') !~ '^[a-z][a-z0-9_]{0,63}$' then
    return 'event_name: is required (lowercase letters, digits and _), e.g. purchase';
  end if;
  if p_event ->> 'occurred_at' is null or not private.is_timestamptz(p_event ->> 'occurred_at') then
    return 'occurred_at: is required and must be a timestamp';
  end if;
  if (p_event ->> 'occurred_at')::timestamptz < p_oldest or (p_event ->> 'occurred_at')::timestamptz > now() + interval '1 day' then
    return format('occurred_at: must be between %s and tomorrow', p_oldest);
  end if;
  if p_event ? 'visitor_id' and p_event -> 'visitor_id' <> 'null'::jsonb and not coalesce(private.is_visitor_id(p_event ->> 'visitor_id'), false) then
    return 'visitor_id: must be 1-128 letters, digits or . _ : -';
  end if;
  if p_event ? 'shopify_order_id' and p_event -> 'shopify_order_id' <> 'null'::jsonb
     and char_length(p_event ->> 'shopify_order_id') not between 1 and 64 then
    return 'shopify_order_id: must be 1-64 characters';
  end if;
  if p_event ? 'value_cents' and p_event -> 'value_cents' <> 'null'::jsonb and not private.is_whole_number(p_event -> 'value_cents') then
    return 'value_cents: must be a non-negative whole number of cents';
  end if;
  if p_event ? 'currency' and p_event -> 'currency' <> 'null'::jsonb and coalesce(p_event ->> 'currency', '') !~ '^[A-Z]{3}$' then
    return 'currency: must be a three-letter ISO code';
  end if;
  foreach k in array array['ga4_status', 'meta_status', 'tiktok_status'] loop
    if p_event ? k and not coalesce(p_event ->> k = any (enum_range(null::public.pixel_delivery_status)::text[]), false) then
      return k || ': must be one of pending, sent, failed, skipped';
    end if;
  end loop;
  if p_event ? 'error' and p_event -> 'error' <> 'null'::jsonb and char_length(p_event ->> 'error') > 2000 then
    return 'error: at most 2000 characters';
  end if;
  return null;
end $function$;
comment on function private.pixel_event_problem(jsonb,timestamp with time zone) is 'Validates one element of record_pixel_events'' batch; returns ''field: reason'' or null.';
grant execute on function private.pixel_event_problem(jsonb,timestamp with time zone) to service_role;
