CREATE OR REPLACE FUNCTION private.propose_from_agent_run(p_action public.approval_action, p_title text, p_payload jsonb, p_rationale text DEFAULT NULL::text, p_confidence numeric DEFAULT NULL::numeric, p_expected_impact jsonb DEFAULT '{}'::jsonb, p_priority public.approval_priority DEFAULT 'normal'::public.approval_priority)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  run_id uuid := private.agent_run_claim();
  ws uuid := private.agent_scope();
  r public.agent_runs;
  a public.agents;
  problem text;
  subj record;
  filed integer;
  new_id uuid;
begin
  if not private.is_end_user() or run_id is null or ws is null then
    raise exception 'only an agent run''s tools propose through this path' using errcode = '42501';
  end if;
  select * into r from public.agent_runs x where x.id = run_id and x.workspace_id = ws;
  if not found or r.status <> 'running' then
    raise exception 'the run is not running' using errcode = 'PT409';
  end if;
  select * into a from public.agents x where x.workspace_id = ws and x.id = r.agent_id;
  if p_action is null or not (p_action = any (a.allowed_actions)) then
    raise exception 'agent % may not propose %; it may propose: %', a.key, coalesce(p_action::text, 'nothing'),
      coalesce(nullif(array_to_string(a.allowed_actions, ', '), ''), 'nothing') using errcode = '42501';
  end if;
  if p_title is null or char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'a proposal needs a title of 1 to 200 characters' using errcode = '22023';
  end if;
  problem := private.approval_payload_problem(ws, p_action, p_payload);
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  select count(*) into filed from public.agent_approvals x where x.workspace_id = ws and x.run_id = r.id;
  if filed >= (private.agent_settings_for(ws)).max_proposals_per_run then
    raise exception 'this run has filed its % proposals', filed using errcode = '22023';
  end if;
  subj := private.approval_subject(ws, p_action, p_payload);
  insert into public.agent_approvals (workspace_id, agent_id, run_id, proposer_name, action, title, rationale, payload,
    subject_table, subject_id, priority, confidence, expected_impact, dedupe_key)
  values (ws, a.id, r.id, a.key, p_action, btrim(p_title), left(p_rationale, 20000), p_payload, subj.subject_table, subj.subject_id,
          coalesce(p_priority, 'normal'), least(greatest(p_confidence, 0), 1), coalesce(p_expected_impact, '{}'),
          'run:' || r.id || ':' || p_action || ':' || md5(p_payload::text))
  on conflict (workspace_id, dedupe_key) where status = 'pending' do nothing
  returning id into new_id;
  if new_id is null then
    select x.id into new_id from public.agent_approvals x
    where x.workspace_id = ws and x.dedupe_key = 'run:' || r.id || ':' || p_action || ':' || md5(p_payload::text) and x.status = 'pending';
  end if;
  return new_id;
end $function$;
comment on function private.propose_from_agent_run(public.approval_action,text,jsonb,text,numeric,jsonb,public.approval_priority) is 'An agent''s proposal tool, under the run''s claims: files a pending approval for the run''s agent if it may propose that kind (42501), the payload is valid and names rows of the run''s workspace (22023), and the run has not filed its maximum; the same proposal twice in a run is one approval. The only way an agent acts: a person decides, the executor acts.';
grant execute on function private.propose_from_agent_run(public.approval_action,text,jsonb,text,numeric,jsonb,public.approval_priority) to authenticated;
