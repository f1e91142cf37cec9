CREATE OR REPLACE FUNCTION private.anon_track_experiment_event(p_workspace_id uuid, p_key text, p_visitor_id text, p_event_type public.experiment_event_type, p_event_name text, p_value_cents bigint, p_currency text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  e public.experiments;
  vid uuid;
  eid bigint;
begin
  select * into e from public.experiments x where x.workspace_id = p_workspace_id and x.key = p_key;
  if not found then
    raise exception 'no experiment % in this workspace', p_key using errcode = 'PT404';
  end if;
  if e.status not in ('running', 'paused') then
    raise exception 'experiment % is %; events are recorded while it runs or is paused', p_key, e.status
      using errcode = 'PT409';
  end if;
  select a.variant_id into vid from public.experiment_assignments a
  where a.workspace_id = p_workspace_id and a.experiment_id = e.id and a.visitor_id = p_visitor_id;
  if not found then
    raise exception 'visitor % is not assigned to experiment %', p_visitor_id, p_key
      using errcode = 'PT409', hint = 'call assign_experiment first; visitors outside the experiment are not tracked';
  end if;
  insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, event_name,
                                        value_cents, currency)
  values (p_workspace_id, e.id, vid, p_visitor_id, p_event_type, p_event_name, p_value_cents, p_currency)
  returning id into eid;
  return eid;
end $function$;
comment on function private.anon_track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) is 'Definer half of public.track_experiment_event: records an event of an assigned visitor under its variant.';
grant execute on function private.anon_track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) to anon;
grant execute on function private.anon_track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) to authenticated;
grant execute on function private.anon_track_experiment_event(uuid,text,text,public.experiment_event_type,text,bigint,text) to service_role;
