CREATE OR REPLACE FUNCTION private.process_mux_review_media()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  begin
    perform private.apply_mux_event(new.topic, coalesce(new.payload -> 'data', '{}'::jsonb));
  exception when others then
    update private.webhook_events set status = 'failed', error = left('review media: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $function$;
comment on function private.process_mux_review_media() is 'AFTER INSERT on private.webhook_events for Mux events: updates review_media; marks the event failed if that raises.';
