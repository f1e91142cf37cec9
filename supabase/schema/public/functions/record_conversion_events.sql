CREATE OR REPLACE FUNCTION public.record_conversion_events(p_workspace_id uuid, p_events jsonb)
 RETURNS TABLE(inserted integer, duplicates integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  bad record;
  n integer;
begin
  if private.is_end_user() then
    raise exception 'conversion events are recorded by the server-side pixel (service role) only' using errcode = '42501';
  end if;
  if p_workspace_id is null or jsonb_typeof(p_events) is distinct from 'array' then
    raise exception 'p_workspace_id and p_events (a JSON array of events) are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('conversion events', jsonb_array_length(p_events), 1000);
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  select x.idx, x.problem into bad from (
    select e.ordinality - 1 as idx,
      coalesce(private.pixel_event_problem(e.value - 'ga4_status' - 'meta_status' - 'tiktok_status',
                 date_trunc('month', now()) - interval '13 months'),
               case when e.value ? 'marketing_consent' and jsonb_typeof(e.value -> 'marketing_consent') not in ('boolean', 'null')
                    then 'marketing_consent: must be true, false or null' end,
               private.conversion_user_data_problem(e.value -> 'user_data')) as problem
    from jsonb_array_elements(p_events) with ordinality e) x
  where x.problem is not null order by x.idx limit 1;
  if found then
    raise exception 'events[%].%', bad.idx, bad.problem using errcode = '22023';
  end if;
  insert into public.pixel_events (workspace_id, event_id, event_name, visitor_id, shopify_order_id, value_cents, currency,
                                   occurred_at, marketing_consent, user_data)
  select p_workspace_id, e ->> 'event_id', e ->> 'event_name', e ->> 'visitor_id', e ->> 'shopify_order_id',
    (e ->> 'value_cents')::bigint, e ->> 'currency', (e ->> 'occurred_at')::timestamptz, (e ->> 'marketing_consent')::boolean,
    jsonb_strip_nulls(coalesce(e -> 'user_data', '{}') - 'email' - 'phone'
      || jsonb_build_object('em', coalesce(e #>> '{user_data,em}', private.email_sha256(e #>> '{user_data,email}')),
                            'ph', coalesce(e #>> '{user_data,ph}', private.phone_sha256(e #>> '{user_data,phone}'))))
  from jsonb_array_elements(p_events) e
  on conflict (workspace_id, event_id, occurred_at) do nothing;
  get diagnostics n = row_count;
  return query select n, jsonb_array_length(p_events) - n;
end $function$;
comment on function public.record_conversion_events(uuid,jsonb) is 'Server-side pixel (service role): records up to 1000 events to send to the workspace''s destinations: {event_id, event_name, occurred_at, visitor_id?, shopify_order_id?, value_cents?, currency?, marketing_consent?, user_data?: {em | email, ph | phone, external_id, fbp, fbc, ttp, ttclid, gclid, ga_client_id, client_user_agent, page_url}}. A plaintext email or phone is hashed (normalised SHA-256) and not stored. An event id and time already recorded is a duplicate and changes nothing. All or nothing: 22023 naming the row and field, PT413 over 1000, 42501 for users.';
grant execute on function public.record_conversion_events(uuid,jsonb) to authenticated;
grant execute on function public.record_conversion_events(uuid,jsonb) to service_role;
