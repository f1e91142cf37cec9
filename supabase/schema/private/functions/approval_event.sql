CREATE OR REPLACE FUNCTION private.approval_event(p_approval public.agent_approvals)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select jsonb_build_object('id', p_approval.id, 'action', p_approval.action, 'status', p_approval.status, 'title', p_approval.title,
    'agent_id', p_approval.agent_id, 'subject_table', p_approval.subject_table, 'subject_id', p_approval.subject_id, 'payload', p_approval.payload,
    'expires_at', p_approval.expires_at, 'decided_by', p_approval.decided_by, 'decided_at', p_approval.decided_at, 'executed_at', p_approval.executed_at)
$function$;
comment on function private.approval_event(public.agent_approvals) is 'The data of an approval.* outbound webhook event.';
