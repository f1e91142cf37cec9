CREATE OR REPLACE FUNCTION private.apply_tavus_event()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ts timestamptz := case when private.is_timestamptz(new.payload ->> 'timestamp') then (new.payload ->> 'timestamp')::timestamptz
                         else new.received_at end;
begin
  if new.workspace_id is null or new.payload ->> 'conversation_id' is null then
    return null;
  end if;
  begin
    update public.demo_conversations c set
      status = case when new.topic in ('system.shutdown', 'application.transcription_ready') then 'ended'
                    when new.topic = 'system.replica_joined' and c.status = 'created' then 'active'
                    else c.status end::public.demo_conversation_status,
      started_at = case when new.topic = 'system.replica_joined' then coalesce(c.started_at, ts) else c.started_at end,
      ended_at = case when new.topic = 'system.shutdown' then coalesce(c.ended_at, ts)
                      when new.topic = 'application.transcription_ready' then coalesce(c.ended_at, ts) else c.ended_at end,
      shutdown_reason = coalesce(left(new.payload #>> '{properties,shutdown_reason}', 500), c.shutdown_reason),
      perception_analysis = case when new.topic = 'application.perception_analysis'
                                 then left(new.payload #>> '{properties,analysis}', 20000) else c.perception_analysis end,
      transcript_ready_at = case when new.topic = 'application.transcription_ready' then ts else c.transcript_ready_at end,
      last_event_at = greatest(c.last_event_at, ts)
    where c.workspace_id = new.workspace_id and c.conversation_id = new.payload ->> 'conversation_id';
  exception when others then
    update private.webhook_events set status = 'failed', error = left('demos: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $function$;
comment on function private.apply_tavus_event() is 'AFTER INSERT on private.webhook_events (Tavus): replica joined -> active, shutdown / transcript -> ended, perception analysis kept; last_event_at. Never loses the event: a failure marks it failed.';
