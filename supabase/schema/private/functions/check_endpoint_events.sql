CREATE OR REPLACE FUNCTION private.check_endpoint_events()
 RETURNS trigger
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  unknown text;
begin
  if coalesce(cardinality(new.events), 0) = 0 then
    raise exception 'events must name at least one event type' using errcode = '22023';
  end if;
  select e into unknown from unnest(new.events) e
  where not exists (select 1 from public.webhook_event_types t where t.name = e) limit 1;
  if unknown is not null then
    raise exception 'unknown event type %', unknown using errcode = '22023', hint = 'see the webhook_event_types table';
  end if;
  return new;
end $function$;
comment on function private.check_endpoint_events() is 'BEFORE INSERT/UPDATE OF events on webhook_endpoints: every event must be in webhook_event_types (22023 naming the first unknown one).';
