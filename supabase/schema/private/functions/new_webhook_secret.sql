CREATE OR REPLACE FUNCTION private.new_webhook_secret(p_endpoint_id uuid)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s text := 'whsec_' || encode(extensions.gen_random_bytes(32), 'base64');
begin
  if private.is_end_user() and not exists (
    select 1 from public.webhook_endpoints e
    where e.id = p_endpoint_id and e.workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'no such endpoint in a workspace you administer' using errcode = '42501';
  end if;
  insert into private.webhook_endpoint_secrets (endpoint_id, secret) values (p_endpoint_id, s)
  on conflict (endpoint_id) do update set secret = excluded.secret, created_at = now();
  return s;
end $function$;
comment on function private.new_webhook_secret(uuid) is 'Creates or rotates an endpoint''s signing secret (admins of its workspace, or service_role).';
grant execute on function private.new_webhook_secret(uuid) to authenticated;
grant execute on function private.new_webhook_secret(uuid) to service_role;
