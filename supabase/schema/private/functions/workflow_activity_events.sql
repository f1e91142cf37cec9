CREATE OR REPLACE FUNCTION private.workflow_activity_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if private.has_workflow_rules('lead_activity_logged', array(select distinct n.workspace_id from new_rows n)) then
    perform private.enqueue_workflow_runs('lead_activity_logged', (
      select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.lead_id,
                                          'subject', jsonb_build_object('row', to_jsonb(n), 'lead', to_jsonb(l))))
      from new_rows n join public.leads l on l.id = n.lead_id));
  end if;
  return null;
end $function$;
comment on function private.workflow_activity_events() is 'Statement trigger on lead_activities: lead_activity_logged workflow events (subject: the activity and its lead, scored).';
