CREATE OR REPLACE FUNCTION public.decide_approvals(p_approval_ids uuid[], p_decision public.approval_decision, p_note text DEFAULT NULL::text)
 RETURNS SETOF public.agent_approvals
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer := coalesce(cardinality(p_approval_ids), 0);
  ws uuid;
  missing uuid;
begin
  if n = 0 or p_decision is null then
    raise exception 'approval ids and a decision (approved or rejected) are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('approvals', n, 100);
  if p_note is not null and char_length(p_note) > 4000 then
    raise exception 'a note has at most 4000 characters' using errcode = '22023';
  end if;
  select i into missing from unnest(p_approval_ids) i
  where not exists (select 1 from public.agent_approvals a where a.id = i) limit 1;
  if missing is not null then
    raise exception 'no approval %', missing using errcode = 'PT404';
  end if;
  for ws in select distinct a.workspace_id from public.agent_approvals a where a.id = any (p_approval_ids) loop
    perform private.require_workspace_role(ws, 'member');
  end loop;
  return query
    update public.agent_approvals a set status = p_decision::text::public.approval_status, decision_note = p_note
    where a.id = any (p_approval_ids)
    returning a.*;
end $function$;
comment on function public.decide_approvals(uuid[],public.approval_decision,text) is 'Members: approve or reject up to 100 pending approvals at once (all or none). 404 when one is not visible, 403 for viewers, 409 when one is already decided, 410 when one has expired.';
grant execute on function public.decide_approvals(uuid[],public.approval_decision,text) to authenticated;
grant execute on function public.decide_approvals(uuid[],public.approval_decision,text) to service_role;
