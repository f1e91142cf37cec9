CREATE OR REPLACE FUNCTION private.begin_approval_execution(p_job_id bigint, p_lease_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  a public.agent_approvals;
  approver_role public.workspace_role;
  prep jsonb;
  why text;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  if j.queue <> 'approval_actions' then
    raise exception 'job % is not an approval job', p_job_id using errcode = '22023';
  end if;
  select * into a from public.agent_approvals x
  where x.workspace_id = j.workspace_id and x.id = (j.payload ->> 'approval_id')::uuid for update;
  if not found then
    return jsonb_build_object('refused', 'the approval no longer exists');
  end if;
  if a.status = 'executing' then
    -- an earlier attempt may have reached the provider: the handler reconciles before calling
    return jsonb_build_object('approval', to_jsonb(a), 'prepared', j.progress -> 'prepared', 'progress', j.progress,
                              'reconcile', true);
  end if;
  if a.status <> 'approved' then
    return jsonb_build_object('refused', format('the approval is %s, not approved', a.status));
  end if;

  select m.role into approver_role from public.workspace_members m where m.workspace_id = a.workspace_id and m.user_id = a.decided_by;
  why := case
    when a.expires_at <= now() then format('the approval expired at %s before it could be executed', a.expires_at)
    when a.decided_by is null then 'the approval records no approver'
    when approver_role is null then 'the person who approved it is no longer a member of the workspace'
    when approver_role < 'member' then format('the person who approved it is now a %s and can no longer approve', approver_role)
  end;
  if why is null then
    prep := private.prepare_approval_action(a);
    why := prep ->> 'refused';
  end if;
  if why is not null then
    update public.agent_approvals set status = 'failed', execution_error = left('refused at execution: ' || why, 4000)
    where id = a.id;
    return jsonb_build_object('refused', why, 'failed', true);
  end if;

  update public.agent_approvals set status = 'executing' where id = a.id returning * into a;
  j := private.touch_connector_job(p_job_id, p_lease_id,
    j.progress || jsonb_build_object('prepared', prep -> 'prepared', 'began_at', now()));
  return jsonb_build_object('approval', to_jsonb(a), 'prepared', prep -> 'prepared', 'progress', j.progress, 'reconcile', false);
end $function$;
comment on function private.begin_approval_execution(bigint,uuid) is 'The executor, under the job''s lease: re-checks an approved action (still approved, not past expires_at, its approver still a member or above, payload valid, within guardrails) and moves it to executing with what it acts on saved on the job; a failed check fails the approval with the reason. An approval already executing is handed back to reconcile.';
grant execute on function private.begin_approval_execution(bigint,uuid) to service_role;
