CREATE OR REPLACE FUNCTION private.webhook_events_of(p_workspace_id uuid, p_status public.webhook_event_status, p_limit integer)
 RETURNS SETOF private.webhook_event_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not (p_workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  return query
    select w.id, w.provider, w.topic, w.status, w.attempts, w.process_attempts, w.error, w.received_at, w.processed_at
    from private.webhook_events w
    where w.workspace_id = p_workspace_id and (p_status is null or w.status = p_status)
    order by w.id desc limit p_limit;
end $function$;
comment on function private.webhook_events_of(uuid,public.webhook_event_status,integer) is 'Inbound events of a workspace for its admins (no payloads).';
grant execute on function private.webhook_events_of(uuid,public.webhook_event_status,integer) to authenticated;
