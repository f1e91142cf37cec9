CREATE OR REPLACE FUNCTION private.start_yotpo_import(p_connection_id uuid)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  c public.integration_connections;
begin
  select * into c from public.integration_connections where id = p_connection_id and provider = 'yotpo';
  if not found then
    raise exception 'no Yotpo connection %', p_connection_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(c.workspace_id, 'admin');
  end if;
  return private.enqueue_connector_job('yotpo_import', c.workspace_id, c.id, 'import:' || c.id || ':' || extract(epoch from now())::bigint, '{}');
end $function$;
comment on function private.start_yotpo_import(uuid) is 'Queues a Yotpo import of a connection (admins when a user calls).';
grant execute on function private.start_yotpo_import(uuid) to authenticated;
grant execute on function private.start_yotpo_import(uuid) to service_role;
