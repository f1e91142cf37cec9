CREATE OR REPLACE FUNCTION private.workflow_task_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if private.has_workflow_rules('task_completed', array(select distinct n.workspace_id from new_rows n)) then
    if tg_op = 'INSERT' then
      perform private.enqueue_workflow_runs('task_completed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n))))
        from new_rows n where n.status = 'done'));
    else
      perform private.enqueue_workflow_runs('task_completed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
        from new_rows n join old_rows o on o.id = n.id where n.status = 'done' and o.status <> 'done'));
    end if;
  end if;
  return null;
end $function$;
comment on function private.workflow_task_events() is 'Statement triggers on campaign_tasks: task_completed workflow events.';
