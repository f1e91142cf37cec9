CREATE OR REPLACE FUNCTION private.read_user_secret(p_user_id uuid, p_name text)
 RETURNS TABLE(ciphertext text, provider text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    with used as (
      update public.user_secrets s set last_used_at = now()
      where s.user_id = p_user_id and s.name = p_name
      returning s.id, s.provider)
    select v.ciphertext, used.provider from used join private.user_secret_values v on v.secret_id = used.id;
  if not found then
    raise exception 'no secret named %', p_name using errcode = 'PT404';
  end if;
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  values (p_user_id, p_name, 'read', coalesce(nullif((select auth.role()), ''), session_user::text));
end $function$;
comment on function private.read_user_secret(uuid,text) is 'Returns a user''s secret ciphertext for decryption and records the read.';
grant execute on function private.read_user_secret(uuid,text) to service_role;
