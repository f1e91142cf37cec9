CREATE OR REPLACE FUNCTION private.privacy_request_webhook()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.workspace_id is not null then
    perform private.enqueue_webhook_event(new.workspace_id, 'privacy_request.created',
      jsonb_build_object('id', new.id, 'kind', new.kind, 'source', new.source, 'status', new.status));
  end if;
  return null;
end $function$;
comment on function private.privacy_request_webhook() is 'AFTER INSERT on privacy_requests: queues privacy_request.created for the workspace''s endpoints (shop customer requests).';
