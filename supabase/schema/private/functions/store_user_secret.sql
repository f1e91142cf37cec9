CREATE OR REPLACE FUNCTION private.store_user_secret(p_user_id uuid, p_name text, p_provider text, p_ciphertext text, p_key_id text, p_hint text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  sid uuid;
begin
  insert into public.user_secrets as s (user_id, name, provider, hint) values (p_user_id, p_name, p_provider, p_hint)
  on conflict (user_id, name) do update set provider = excluded.provider, hint = excluded.hint
  returning s.id into sid;
  insert into private.user_secret_values as v (secret_id, ciphertext, key_id) values (sid, p_ciphertext, p_key_id)
  on conflict (secret_id) do update set ciphertext = excluded.ciphertext, key_id = excluded.key_id;
  return sid;
end $function$;
comment on function private.store_user_secret(uuid,text,text,text,text,text) is 'Service: creates or rotates a user''s secret with its ciphertext (audited by triggers).';
grant execute on function private.store_user_secret(uuid,text,text,text,text,text) to service_role;
