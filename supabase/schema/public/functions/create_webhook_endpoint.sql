CREATE OR REPLACE FUNCTION public.create_webhook_endpoint(p_workspace_id uuid, p_url text, p_events text[], p_description text DEFAULT NULL::text)
 RETURNS TABLE(endpoint_id uuid, secret text)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  eid uuid := gen_random_uuid();
begin
  perform private.require_workspace_role(p_workspace_id, 'admin');
  insert into public.webhook_endpoints (id, workspace_id, url, events, description)
  values (eid, p_workspace_id, p_url, p_events, p_description);
  return query select eid, private.new_webhook_secret(eid);
end $function$;
comment on function public.create_webhook_endpoint(uuid,text,text[],text) is 'Admin only: registers an endpoint and returns its signing secret once.';
grant execute on function public.create_webhook_endpoint(uuid,text,text[],text) to authenticated;
grant execute on function public.create_webhook_endpoint(uuid,text,text[],text) to service_role;
