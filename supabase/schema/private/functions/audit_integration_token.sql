CREATE OR REPLACE FUNCTION private.audit_integration_token()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  conn uuid := case when tg_op = 'DELETE' then old.connection_id else new.connection_id end;
  ws uuid := (select c.workspace_id from public.integration_connections c where c.id = conn);
begin
  if ws is null then
    return null;  -- the connection (and its workspace) is being deleted
  end if;
  insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, old_data, new_data, reason)
  values (ws, 'integration_tokens', conn::text, lower(tg_op)::public.audit_action, (select auth.uid()),
          coalesce(nullif((select auth.role()), ''), session_user::text),
          case when tg_op <> 'INSERT' then jsonb_build_object('key_id', old.key_id) end,
          case when tg_op <> 'DELETE' then jsonb_build_object('key_id', new.key_id,
            'rotated', tg_op = 'UPDATE' and new.access_token_ciphertext is distinct from old.access_token_ciphertext) end,
          coalesce(nullif(current_setting('growthbase.credential_reason', true), ''), 'unspecified'));
  return null;
end $function$;
comment on function private.audit_integration_token() is 'AFTER trigger on private.integration_tokens: every write, rotation and deletion in audit_log (key id only, never ciphertext), with the reason set in growthbase.credential_reason.';
