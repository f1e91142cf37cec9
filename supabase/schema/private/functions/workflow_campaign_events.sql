CREATE OR REPLACE FUNCTION private.workflow_campaign_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if private.has_workflow_rules('campaign_status_changed', array(select distinct n.workspace_id from new_rows n)) then
    perform private.enqueue_workflow_runs('campaign_status_changed', (
      select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                          'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
      from new_rows n join old_rows o on o.id = n.id where n.status <> o.status));
  end if;
  return null;
end $function$;
comment on function private.workflow_campaign_events() is 'Statement trigger on campaigns: campaign_status_changed workflow events.';
