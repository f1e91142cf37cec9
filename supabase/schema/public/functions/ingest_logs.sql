CREATE OR REPLACE FUNCTION public.ingest_logs(p_workspace_id uuid, p_entries jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
  bad jsonb;
begin
  if p_workspace_id is null or p_entries is null or jsonb_typeof(p_entries) <> 'array' then
    raise exception 'a workspace and an array of entries are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('log entries', jsonb_array_length(p_entries), 1000);
  select e into bad from jsonb_array_elements(p_entries) e
  where jsonb_typeof(e) <> 'object' or not (coalesce(e ->> 'level', '') = any (enum_range(null::public.log_level)::text[]))
     or coalesce(e ->> 'source', '') = '' or coalesce(e ->> 'message', '') = ''
     or (e ? 'logged_at' and not private.is_timestamptz(e ->> 'logged_at'))
  limit 1;
  if bad is not null then
    raise exception 'each entry needs level (debug, info, warn, error), source, message and an optional ISO logged_at: %',
      left(bad::text, 300) using errcode = '22023';
  end if;
  insert into public.ops_logs (workspace_id, logged_at, level, source, message, metadata, request_id, user_id)
  select p_workspace_id, least(coalesce((e ->> 'logged_at')::timestamptz, now()), now()), (e ->> 'level')::public.log_level,
         e ->> 'source', e ->> 'message', coalesce(e -> 'metadata', '{}'), e ->> 'request_id', (e ->> 'user_id')::uuid
  from jsonb_array_elements(p_entries) e;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function public.ingest_logs(uuid,jsonb) is 'Service: writes up to 1000 log entries [{level, source, message, metadata?, request_id?, user_id?, logged_at?}] for one workspace (future times are clamped to now); returns how many.';
grant execute on function public.ingest_logs(uuid,jsonb) to service_role;
