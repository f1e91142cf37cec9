CREATE OR REPLACE FUNCTION private.cancel_scheduled_action(p_id bigint)
 RETURNS public.scheduled_actions
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  sa public.scheduled_actions;
begin
  select * into sa from public.scheduled_actions s where s.id = p_id for update;
  if not found or private.is_end_user()
     and not (sa.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'no scheduled action %', p_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(sa.workspace_id, 'member');
  end if;
  if sa.status <> 'pending' then
    raise exception 'this action is already %', sa.status using errcode = 'PT409';
  end if;
  update public.scheduled_actions s set status = 'cancelled', executed_at = now(),
    result = jsonb_build_object('reason', 'cancelled', 'by', (select auth.uid()))
  where s.id = p_id returning * into sa;
  perform private.refresh_workflow_executions(array[sa.execution_id]);
  return sa;
end $function$;
comment on function private.cancel_scheduled_action(bigint) is 'Cancels a pending scheduled action for a member of its workspace (PT404 unseen, 42501 viewers, PT409 not pending).';
grant execute on function private.cancel_scheduled_action(bigint) to authenticated;
grant execute on function private.cancel_scheduled_action(bigint) to service_role;
