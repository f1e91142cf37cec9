CREATE OR REPLACE FUNCTION private.audit_user_secret_rotation()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  select s.user_id, s.name, 'rotate', coalesce(nullif((select auth.role()), ''), session_user::text)
  from public.user_secrets s where s.id = new.secret_id;
  return null;
end $function$;
comment on function private.audit_user_secret_rotation() is 'AFTER UPDATE of ciphertext on private.user_secret_values: logs a rotation.';
