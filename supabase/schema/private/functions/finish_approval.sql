CREATE OR REPLACE FUNCTION private.finish_approval(p_approval_id uuid, p_succeeded boolean, p_result jsonb DEFAULT NULL::jsonb, p_error text DEFAULT NULL::text)
 RETURNS public.approval_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.approval_status;
begin
  select a.status into s from public.agent_approvals a where a.id = p_approval_id for update;
  if not found then
    raise exception 'no approval %', p_approval_id using errcode = 'PT404';
  end if;
  if s <> 'approved' then
    raise exception 'approval % is %, not approved', p_approval_id, s using errcode = 'PT409';
  end if;
  update public.agent_approvals set
    status = case when p_succeeded then 'executed' else 'failed' end::public.approval_status,
    execution_result = p_result, execution_error = left(p_error, 4000)
  where id = p_approval_id
  returning status into s;
  return s;
end $function$;
comment on function private.finish_approval(uuid,boolean,jsonb,text) is 'Service: records the outcome of an approved action (executed or failed) with its result or error.';
grant execute on function private.finish_approval(uuid,boolean,jsonb,text) to service_role;
