CREATE OR REPLACE FUNCTION private.learn_from_decision()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  situation text;
begin
  select coalesce(r.input::text, '') into situation from public.agent_runs r where r.workspace_id = new.workspace_id and r.id = new.run_id;
  insert into public.agent_training_examples (workspace_id, agent_id, kind, source, input, expected_output, actual_output,
    was_correct, tags, created_by)
  values (new.workspace_id, new.agent_id,
    case when new.status = 'approved' then 'example' else 'correction' end::public.training_example_kind, 'approval',
    left(format('Situation: %s%sProposed %s: %s%s', coalesce(nullif(situation, ''), 'not recorded'), E'\n', new.action, new.title,
                coalesce(E'\nRationale: ' || new.rationale, '')), 50000),
    case when new.status = 'approved' then left(jsonb_build_object('action', new.action, 'payload', new.payload)::text, 50000)
         else left('Rejected' || coalesce(': ' || new.decision_note, ' without a note') || '. Do not propose this again in a like situation.', 50000) end,
    case when new.status = 'rejected' then left(jsonb_build_object('action', new.action, 'payload', new.payload)::text, 50000) end,
    new.status = 'approved', array['approval', new.action::text], new.decided_by);
  return null;
end $function$;
comment on function private.learn_from_decision() is 'AFTER UPDATE on agent_approvals, when an agent''s proposal is approved or rejected: a training example of the agent (source approval): approved ones as examples of what to propose, rejected ones as corrections with the reason.';
