CREATE OR REPLACE FUNCTION public.propose_undo(p_approval_id uuid, p_note text DEFAULT NULL::text)
 RETURNS public.agent_approvals
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  a public.agent_approvals;
  u jsonb;
  s record;
  created public.agent_approvals;
begin
  if p_approval_id is null then
    raise exception 'an approval id is required' using errcode = '22023';
  end if;
  select * into a from public.agent_approvals x where x.id = p_approval_id;
  if not found then
    raise exception 'no approval %', p_approval_id using errcode = 'PT404';
  end if;
  perform private.require_workspace_role(a.workspace_id, 'member');
  u := private.approval_undo(a);
  if u is null then
    raise exception 'approval % cannot be undone: %', p_approval_id,
      case when a.status <> 'executed' then 'it is ' || a.status || ', not executed'
           else 'the change it made has no inverse the executor can run' end using errcode = 'PT409';
  end if;
  s := private.approval_subject(a.workspace_id, (u ->> 'action')::public.approval_action, u -> 'payload');
  insert into public.agent_approvals (workspace_id, action, title, rationale, payload, subject_table, subject_id,
    undo_of_id, dedupe_key, priority)
  values (a.workspace_id, (u ->> 'action')::public.approval_action, left('Undo: ' || a.title, 200),
          coalesce(p_note, 'Puts back what approval ' || a.id || ' replaced.'), u -> 'payload', s.subject_table, s.subject_id,
          a.id, 'undo:' || a.id, a.priority)
  on conflict (workspace_id, dedupe_key) where status = 'pending' do nothing
  returning * into created;
  if created.id is null then
    raise exception 'an undo of approval % is already waiting for a decision', p_approval_id using errcode = 'PT409';
  end if;
  return created;
end $function$;
comment on function public.propose_undo(uuid,text) is 'Members: proposes undoing an executed approval (a new pending approval that puts back what it replaced: the previous budget, status or fields). 404 unseen, 403 viewers, 409 when it cannot be undone or an undo already waits.';
grant execute on function public.propose_undo(uuid,text) to authenticated;
grant execute on function public.propose_undo(uuid,text) to service_role;
