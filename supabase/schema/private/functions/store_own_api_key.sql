CREATE OR REPLACE FUNCTION private.store_own_api_key(p_name text, p_provider text, p_ciphertext text, p_key_id text, p_hint text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if (select auth.uid()) is null or not private.is_end_user() then
    raise exception 'a signed-in user stores their own keys' using errcode = '42501';
  end if;
  if p_hint is not null and char_length(p_hint) > 8 then
    raise exception 'p_hint: at most 8 characters' using errcode = '22023';
  end if;
  return private.store_user_secret((select auth.uid()), p_name, p_provider, p_ciphertext, p_key_id, p_hint);
end $function$;
comment on function private.store_own_api_key(text,text,text,text,text) is 'The api-keys function''s call as the signed-in user: stores (or rotates) a verified personal key by name (ciphertext only; audited in secret_audit_logs by the user_secrets triggers).';
grant execute on function private.store_own_api_key(text,text,text,text,text) to authenticated;
