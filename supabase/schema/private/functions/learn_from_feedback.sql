CREATE OR REPLACE FUNCTION private.learn_from_feedback()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  agent uuid := new.agent_id;
  prompt text := new.prompt_excerpt;
  said text;
begin
  if new.run_id is not null then
    select coalesce(agent, r.agent_id), coalesce(prompt, r.input::text), r.output::text into agent, prompt, said
    from public.agent_runs r where r.id = new.run_id;
  end if;
  if new.chat_message_id is not null then
    select coalesce(agent, s.agent_id), m.content into agent, said
    from public.chat_messages m join public.chat_sessions s on s.id = m.session_id
    where m.id = new.chat_message_id;
  end if;
  if agent is null then
    return null;
  end if;
  insert into public.agent_training_examples (workspace_id, agent_id, kind, source, input, expected_output,
    actual_output, was_correct, feedback_id, created_by)
  values (new.workspace_id, agent, 'correction', 'feedback', coalesce(prompt, ''), new.correction, said, false,
          new.id, new.user_id);
  return null;
end $function$;
comment on function private.learn_from_feedback() is 'AFTER INSERT on agent_feedback (corrections): records a training example for the agent named by the feedback, its run or its chat session; without an agent nothing is recorded.';
