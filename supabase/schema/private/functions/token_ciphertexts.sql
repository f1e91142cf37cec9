CREATE OR REPLACE FUNCTION private.token_ciphertexts(p_not_key_id text)
 RETURNS TABLE(connection_id uuid, access_token_ciphertext text, refresh_token_ciphertext text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select t.connection_id, t.access_token_ciphertext, t.refresh_token_ciphertext
  from private.integration_tokens t where t.key_id <> p_not_key_id
$function$;
comment on function private.token_ciphertexts(text) is 'Token ciphertexts not yet under key p_not_key_id.';
grant execute on function private.token_ciphertexts(text) to service_role;
