CREATE OR REPLACE FUNCTION private.connection_webhook_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' or (new.status = 'active' and old.status <> 'active') then
    perform private.enqueue_webhook_event(new.workspace_id, 'integration.connected',
      jsonb_build_object('id', new.id, 'provider', new.provider, 'external_account_id', new.external_account_id));
  elsif new.status = 'revoked' and old.status <> 'revoked' then
    perform private.enqueue_webhook_event(new.workspace_id, 'integration.disconnected',
      jsonb_build_object('id', new.id, 'provider', new.provider, 'external_account_id', new.external_account_id));
  end if;
  return null;
end $function$;
comment on function private.connection_webhook_events() is 'AFTER INSERT/UPDATE OF status on integration_connections: queues integration.connected / disconnected.';
