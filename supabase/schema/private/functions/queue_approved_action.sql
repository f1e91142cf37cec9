CREATE OR REPLACE FUNCTION private.queue_approved_action()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.enqueue_connector_job('approval_actions', new.workspace_id,
    private.approval_connection(new.workspace_id, new.action, new.payload),
    'approval:' || new.id, jsonb_build_object('approval_id', new.id, 'action', new.action));
  return null;
end $function$;
comment on function private.queue_approved_action() is 'AFTER UPDATE to approved on agent_approvals (every kind but other, which a person carries out and a service reports with private.finish_approval): queues the approval''s job (key approval:<id>, recorded before anything is called) on the approval_actions queue, which wakes the executor at commit.';
