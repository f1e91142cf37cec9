CREATE OR REPLACE FUNCTION private.approval_webhook_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.requested', private.approval_event(new));
  elsif new.status in ('approved', 'rejected', 'expired') then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.decided', private.approval_event(new));
  elsif new.status in ('executed', 'failed') then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.executed', private.approval_event(new));
  end if;
  return null;
end $function$;
comment on function private.approval_webhook_events() is 'AFTER INSERT / status change on agent_approvals: queues approval.requested, approval.decided (approved, rejected, expired) or approval.executed (executed, failed; not the executing step) for subscribed endpoints.';
