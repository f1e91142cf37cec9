CREATE OR REPLACE FUNCTION private.replace_token_ciphertexts(p_connection_id uuid, p_old_access text, p_access text, p_refresh text, p_key_id text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  done boolean;
begin
  perform set_config('growthbase.credential_reason', 'key rotation (re-encryption)', true);
  update private.integration_tokens set access_token_ciphertext = p_access, refresh_token_ciphertext = p_refresh,
    key_id = p_key_id
  where connection_id = p_connection_id and access_token_ciphertext = p_old_access;
  get diagnostics done = row_count;
  return done;
end $function$;
comment on function private.replace_token_ciphertexts(uuid,text,text,text,text) is 'Re-encryption step; only where the row still holds the ciphertext that was read (a concurrent refresh wins).';
grant execute on function private.replace_token_ciphertexts(uuid,text,text,text,text) to service_role;
