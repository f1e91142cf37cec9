CREATE OR REPLACE FUNCTION public.track_events(p_workspace_id uuid, p_events jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
  bad jsonb;
begin
  if p_workspace_id is null or p_events is null or jsonb_typeof(p_events) <> 'array' then
    raise exception 'a workspace and an array of events are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('events', jsonb_array_length(p_events), 500);
  select e into bad from jsonb_array_elements(p_events) e
  where jsonb_typeof(e) <> 'object' or coalesce(e ->> 'event_name', '') !~ '^[a-z][a-z0-9_.:-]{0,99}$'
     or (e ? 'occurred_at' and not private.is_timestamptz(e ->> 'occurred_at'))
     or (e ? 'properties' and jsonb_typeof(e -> 'properties') <> 'object')
  limit 1;
  if bad is not null then
    raise exception 'each event needs event_name (lowercase, starting with a letter), optional page, session_id, properties (object) and occurred_at (ISO): %',
      left(bad::text, 300) using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  insert into public.user_analytics_events (workspace_id, occurred_at, event_name, page, session_id, properties)
  select p_workspace_id, least(coalesce((e ->> 'occurred_at')::timestamptz, now()), now()), e ->> 'event_name',
         left(e ->> 'page', 2000), left(e ->> 'session_id', 200), coalesce(e -> 'properties', '{}')
  from jsonb_array_elements(p_events) e;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function public.track_events(uuid,jsonb) is 'Any member: records up to 500 of the caller''s own events [{event_name, page?, session_id?, properties?, occurred_at?}] in a workspace (future times are clamped to now). Returns how many.';
grant execute on function public.track_events(uuid,jsonb) to authenticated;
grant execute on function public.track_events(uuid,jsonb) to service_role;
