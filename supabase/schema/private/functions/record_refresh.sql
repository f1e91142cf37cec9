CREATE OR REPLACE FUNCTION private.record_refresh(p_connection_id uuid, p_access_ciphertext text, p_refresh_ciphertext text, p_key_id text, p_expires_at timestamp with time zone, p_error text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform set_config('growthbase.credential_reason', 'token refresh', true);
  if p_error is not null then
    update public.integration_connections set status = 'expired', last_error = left(p_error, 2000) where id = p_connection_id;
    return;
  end if;
  update private.integration_tokens set access_token_ciphertext = p_access_ciphertext,
    refresh_token_ciphertext = coalesce(p_refresh_ciphertext, refresh_token_ciphertext), key_id = p_key_id
  where connection_id = p_connection_id;
  update public.integration_connections set expires_at = p_expires_at, last_refreshed_at = now(), last_error = null,
    status = 'active'
  where id = p_connection_id;
end $function$;
comment on function private.record_refresh(uuid,text,text,text,timestamp with time zone,text) is 'Stores refreshed token ciphertext, or marks the connection expired with the provider''s error.';
grant execute on function private.record_refresh(uuid,text,text,text,timestamp with time zone,text) to service_role;
