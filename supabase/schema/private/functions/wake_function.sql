CREATE OR REPLACE FUNCTION private.wake_function(p_name text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  pending timestamptz;
begin
  -- The common case under load, a wake-up already pending, costs one read and no lock.
  select f.wake_requested_at into pending from private.callable_functions f where f.name = p_name;
  if pending is not null and pending > now() - interval '30 seconds' then
    return null;
  end if;
  select f.wake_requested_at into pending from private.callable_functions f
  where f.name = p_name
  for update skip locked;
  if not found then
    return null;  -- another transaction is waking it right now
  end if;
  if pending is not null and pending > now() - interval '30 seconds' then
    return null;  -- a call is pending and its round has not started yet
  end if;
  update private.callable_functions set wake_requested_at = now() where name = p_name;
  return private.invoke_function(p_name);
end $function$;
comment on function private.wake_function(text) is 'private.invoke_function unless a call to the same function is already pending (or being queued by another transaction); returns the pg_net request id or null.';
grant execute on function private.wake_function(text) to service_role;
