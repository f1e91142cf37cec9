CREATE OR REPLACE FUNCTION private.pixel_event_destinations()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  d record;
  next_status public.pixel_delivery_status;
begin
  if not exists (select 1 from public.conversion_destinations c where c.workspace_id = new.workspace_id) then
    return new;  -- an external forwarder reports statuses (record_pixel_events)
  end if;
  for d in select dest, c.enabled, c.require_consent, c.destination is not null as configured
           from unnest(enum_range(null::public.conversion_destination)) dest
           left join public.conversion_destinations c on c.workspace_id = new.workspace_id and c.destination = dest loop
    next_status := case when d.configured and d.enabled and (not d.require_consent or new.marketing_consent is true)
                        then 'pending' else 'skipped' end;
    case d.dest
      when 'meta' then if new.meta_status = 'pending' then new.meta_status := next_status; end if;
      when 'ga4' then if new.ga4_status = 'pending' then new.ga4_status := next_status; end if;
      when 'tiktok' then if new.tiktok_status = 'pending' then new.tiktok_status := next_status; end if;
    end case;
  end loop;
  return new;
end $function$;
comment on function private.pixel_event_destinations() is 'BEFORE INSERT on pixel_events, in workspaces with conversion destinations: a destination still pending is queued (stays pending) when it is configured, enabled and the visitor consented where consent is required; skipped otherwise.';
