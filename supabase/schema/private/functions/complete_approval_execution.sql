CREATE OR REPLACE FUNCTION private.complete_approval_execution(p_job_id bigint, p_lease_id uuid, p_succeeded boolean, p_result jsonb DEFAULT '{}'::jsonb, p_error text DEFAULT NULL::text)
 RETURNS public.approval_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  a public.agent_approvals;
  extra jsonb;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  select * into a from public.agent_approvals x
  where x.workspace_id = j.workspace_id and x.id = (j.payload ->> 'approval_id')::uuid for update;
  if not found or a.status <> 'executing' then
    raise exception 'approval % is %, not executing', j.payload ->> 'approval_id', coalesce(a.status::text, 'gone')
      using errcode = 'PT409';
  end if;
  if not p_succeeded then
    update public.agent_approvals set status = 'failed', execution_error = left(coalesce(p_error, 'failed'), 4000),
      execution_result = nullif(coalesce(p_result, '{}'), '{}')
    where id = a.id returning status into a.status;
    return a.status;
  end if;
  extra := private.apply_approval_action(a, j.progress -> 'prepared', coalesce(p_result, '{}'));
  update public.agent_approvals set status = 'executed',
    execution_result = (coalesce(p_result, '{}') - 'replaced') || coalesce(extra, '{}') || jsonb_build_object('idempotency_key', j.idempotency_key),
    replaced = nullif(coalesce(p_result -> 'replaced', j.progress #> '{prepared,replaced}'), 'null'::jsonb)
  where id = a.id returning status into a.status;
  return a.status;
end $function$;
comment on function private.complete_approval_execution(bigint,uuid,boolean,jsonb,text) is 'The executor, in the transaction that finishes the job: executed with the provider''s ids (and our tables changed, private.apply_approval_action) and what the change replaced (the provider''s live value in p_result.replaced when the handler read one, else our copy at preparation), or failed with the error. PT409 when the approval is not executing; the job''s lease is checked first.';
grant execute on function private.complete_approval_execution(bigint,uuid,boolean,jsonb,text) to service_role;
