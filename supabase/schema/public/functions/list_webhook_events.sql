CREATE OR REPLACE FUNCTION public.list_webhook_events(p_workspace_id uuid, p_status public.webhook_event_status DEFAULT NULL::public.webhook_event_status, p_limit integer DEFAULT 100)
 RETURNS SETOF public.webhook_event_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_batch_size('events', coalesce(p_limit, 0), 500);
  if coalesce(p_limit, 0) < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  return query select (row(q.*)::public.webhook_event_row).* from (select * from private.webhook_events_of(p_workspace_id, p_status, p_limit)) q;
end $function$;
comment on function public.list_webhook_events(uuid,public.webhook_event_status,integer) is 'Admins: the workspace''s inbound webhook events, newest first (at most 500), optionally of one status: what arrived, how often it was delivered, whether it was processed, and the last error.';
grant execute on function public.list_webhook_events(uuid,public.webhook_event_status,integer) to authenticated;
grant execute on function public.list_webhook_events(uuid,public.webhook_event_status,integer) to service_role;
