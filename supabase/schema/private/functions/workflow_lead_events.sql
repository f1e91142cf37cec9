CREATE OR REPLACE FUNCTION private.workflow_lead_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    if private.has_workflow_rules('lead_created', array(select distinct n.workspace_id from new_rows n)) then
      perform private.enqueue_workflow_runs('lead_created', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n))))
        from new_rows n));
    end if;
  else
    if private.has_workflow_rules('lead_status_changed', array(select distinct n.workspace_id from new_rows n)) then
      perform private.enqueue_workflow_runs('lead_status_changed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
        from new_rows n join old_rows o on o.id = n.id where n.status <> o.status));
    end if;
    if private.has_workflow_rules('lead_score_changed', array(select distinct n.workspace_id from new_rows n)) then
      perform private.enqueue_workflow_runs('lead_score_changed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
        from new_rows n join old_rows o on o.id = n.id where n.score <> o.score));
    end if;
  end if;
  return null;
end $function$;
comment on function private.workflow_lead_events() is 'Statement triggers on leads: lead_created, lead_status_changed and lead_score_changed workflow events.';
