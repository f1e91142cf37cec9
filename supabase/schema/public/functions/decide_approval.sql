CREATE OR REPLACE FUNCTION public.decide_approval(p_approval_id uuid, p_decision public.approval_decision, p_note text DEFAULT NULL::text)
 RETURNS public.agent_approvals
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  a public.agent_approvals;
begin
  if p_approval_id is null then
    raise exception 'an approval id is required' using errcode = '22023';
  end if;
  select * into a from public.decide_approvals(array[p_approval_id], p_decision, p_note);
  return a;
end $function$;
comment on function public.decide_approval(uuid,public.approval_decision,text) is 'Members: approve or reject one pending approval with an optional note; returns it. 404 not visible, 403 viewer, 409 already decided, 410 expired.';
grant execute on function public.decide_approval(uuid,public.approval_decision,text) to authenticated;
grant execute on function public.decide_approval(uuid,public.approval_decision,text) to service_role;
