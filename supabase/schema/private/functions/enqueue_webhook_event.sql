CREATE OR REPLACE FUNCTION private.enqueue_webhook_event(p_workspace_id uuid, p_event_type text, p_payload jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select p_workspace_id, e.id, p_event_type,
         jsonb_build_object('type', p_event_type, 'timestamp', now(), 'data', p_payload)
  from public.webhook_endpoints e
  where e.workspace_id = p_workspace_id and e.enabled and p_event_type = any (e.events);
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.enqueue_webhook_event(uuid,text,jsonb) is 'Fans an event out to the workspace''s subscribed, enabled endpoints.';
grant execute on function private.enqueue_webhook_event(uuid,text,jsonb) to service_role;
