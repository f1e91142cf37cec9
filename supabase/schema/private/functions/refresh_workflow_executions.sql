CREATE OR REPLACE FUNCTION private.refresh_workflow_executions(p_ids uuid[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform 1 from public.workflow_executions e where e.id = any (p_ids) order by e.id for update;
  update public.workflow_executions e set
    actions_succeeded = a.succeeded,
    actions_failed = a.failed,
    actions_cancelled = a.cancelled,
    status = case when a.pending > 0 then 'running'
                  when a.failed > 0 and a.succeeded > 0 then 'partially_failed'
                  when a.failed > 0 then 'failed'
                  when a.succeeded > 0 then 'succeeded'
                  else 'cancelled' end::public.workflow_execution_status,
    results = a.results,
    finished_at = case when a.pending = 0 then coalesce(e.finished_at, now()) end
  from (
    select s.execution_id,
           (count(*) filter (where s.status = 'pending'))::integer as pending,
           (count(*) filter (where s.status = 'succeeded'))::integer as succeeded,
           (count(*) filter (where s.status = 'failed'))::integer as failed,
           (count(*) filter (where s.status = 'cancelled'))::integer as cancelled,
           jsonb_agg(jsonb_build_object('action_index', s.action_index, 'type', s.action_type, 'status', s.status,
                                        'attempts', s.attempts, 'result', s.result, 'error', s.last_error)
                     order by s.action_index) as results
    from public.scheduled_actions s
    where s.execution_id = any (p_ids)
    group by s.execution_id
  ) a
  where e.id = a.execution_id;
end $function$;
comment on function private.refresh_workflow_executions(uuid[]) is 'Sets status, counts and results of the given executions from their scheduled actions.';
