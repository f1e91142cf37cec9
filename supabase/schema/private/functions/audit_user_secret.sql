CREATE OR REPLACE FUNCTION private.audit_user_secret()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  -- A user being deleted takes their secrets and their trail with them.
  if tg_op = 'DELETE' and not exists (select 1 from auth.users u where u.id = old.user_id) then
    return null;
  end if;
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  values (coalesce(new.user_id, old.user_id), coalesce(new.name, old.name),
          case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'rotate' else 'delete' end::public.secret_action,
          coalesce(nullif((select auth.role()), ''), session_user::text));
  return null;
end $function$;
comment on function private.audit_user_secret() is 'AFTER trigger on user_secrets: logs create, rotate (ciphertext changed) and delete.';
