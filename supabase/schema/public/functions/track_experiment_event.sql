CREATE OR REPLACE FUNCTION public.track_experiment_event(p_workspace_id uuid, p_experiment_key text, p_visitor_id text, p_event_type public.experiment_event_type, p_event_name text DEFAULT NULL::text, p_value_cents bigint DEFAULT NULL::bigint, p_currency text DEFAULT NULL::text)
 RETURNS bigint
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_experiment_key is null or p_experiment_key !~ '^[a-z0-9][a-z0-9_-]{0,63}$' then
    raise exception 'p_experiment_key must be an experiment key (lowercase letters, digits, _ and -)' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_event_type is null then
    raise exception 'p_event_type is required' using errcode = '22023';
  end if;
  if p_event_type = 'purchase' then
    raise exception 'purchases are not tracked by the storefront: they come from orders carrying the visitor id'
      using errcode = '22023', hint = 'set the cart attribute _visitor_id so the order carries it';
  end if;
  if p_event_type = 'custom' and (p_event_name is null or p_event_name !~ '^[a-z][a-z0-9_.:-]{0,63}$') then
    raise exception 'a custom event needs p_event_name (lowercase letters, digits and _ . : -, at most 64)' using errcode = '22023';
  end if;
  if p_event_type <> 'custom' and p_event_name is not null then
    raise exception 'p_event_name is only for custom events' using errcode = '22023';
  end if;
  if p_value_cents is not null and (p_value_cents < 0 or p_value_cents > 100000000000) then
    raise exception 'p_value_cents must be between 0 and 100000000000 (a non-negative amount in cents)' using errcode = '22023';
  end if;
  if p_currency is not null and p_currency !~ '^[A-Z]{3}$' then
    raise exception 'p_currency must be a three-letter ISO code' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('experiment_event', p_workspace_id::text);
  return private.anon_track_experiment_event(p_workspace_id, p_experiment_key, p_visitor_id, p_event_type, p_event_name,
                                           p_value_cents, p_currency);
end $function$;
comment on function public.track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) is 'Storefront (anon): records an event (exposure, add_to_cart or a named custom event, with an optional value in cents) for a visitor assigned to a running or paused experiment. Returns the event id. 22023 on bad input (negative value, purchase events), PT404 unknown experiment key in the workspace, PT409 visitor not assigned or experiment not running; 240 calls a minute per address and workspace (429).';
grant execute on function public.track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) to anon;
grant execute on function public.track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) to authenticated;
grant execute on function public.track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) to service_role;
