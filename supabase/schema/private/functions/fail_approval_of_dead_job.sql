CREATE OR REPLACE FUNCTION private.fail_approval_of_dead_job()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.agent_approvals a set status = 'failed',
    execution_error = left('the executor gave up: ' || coalesce(new.last_error, 'no error recorded'), 4000)
  where a.workspace_id = new.workspace_id and a.id = (new.payload ->> 'approval_id')::uuid
    and a.status in ('approved', 'executing');
  return null;
end $function$;
comment on function private.fail_approval_of_dead_job() is 'AFTER UPDATE on connector_jobs of the approval_actions queue, when a job becomes dead: its approval fails with the job''s last error.';
