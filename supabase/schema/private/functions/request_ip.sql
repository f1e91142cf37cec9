CREATE OR REPLACE FUNCTION private.request_ip()
 RETURNS inet
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return private.client_ip()::inet;
exception when others then
  return null;  -- not an address: record nothing rather than fail the request
end $function$;
comment on function private.request_ip() is 'The client address of the PostgREST request (private.client_ip: CF-Connecting-IP, else the first X-Forwarded-For entry) as inet, or null.';
grant execute on function private.request_ip() to authenticated;
grant execute on function private.request_ip() to service_role;
