CREATE OR REPLACE FUNCTION private.connection_expired()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.record_connection_call(new.id, 'token_invalid', coalesce(new.last_error, 'the token could not be refreshed'));
  return null;
end $function$;
comment on function private.connection_expired() is 'AFTER UPDATE OF status on integration_connections: a connection that turns expired (its refresh failed) is reauth_required, with its alert.';
