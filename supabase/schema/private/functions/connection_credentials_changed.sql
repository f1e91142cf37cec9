CREATE OR REPLACE FUNCTION private.connection_credentials_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.integration_connections set health = 'ok', health_changed_at = now(), consecutive_failures = 0,
    throttled_until = null
  where id = new.connection_id and health = 'reauth_required';
  if found then
    perform private.connection_alert(new.connection_id, 'ok', null);
  end if;
  return null;
end $function$;
comment on function private.connection_credentials_changed() is 'AFTER INSERT/UPDATE on private.integration_tokens: new tokens end reauth_required (health ok, its alert resolved); the next call tells whether they work.';
