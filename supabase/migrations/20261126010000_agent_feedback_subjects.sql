-- Deleting an agent that has feedback failed: the foreign keys clear agent_id (and the agent's
-- runs go, clearing run_id), and the check "feedback is about an agent, run, call or message"
-- refused the row that was left about nothing. Feedback is about its subjects: once the last of
-- them is deleted, the feedback goes too. A new row still needs one (the same 23514 and message).

alter table public.agent_feedback drop constraint "feedback is about an agent, run, call or message";

create function private.require_feedback_subject() returns trigger
language plpgsql set search_path = '' as $$
begin
  if num_nonnulls(new.agent_id, new.run_id, new.query_id, new.chat_message_id) = 0 then
    raise exception 'feedback is about an agent, run, call or message' using errcode = '23514',
      hint = 'set agent_id, run_id, query_id or chat_message_id';
  end if;
  return new;
end $$;
comment on function private.require_feedback_subject() is 'BEFORE INSERT on agent_feedback: feedback names an agent, run, call or message (23514).';
revoke all on function private.require_feedback_subject() from public;
create trigger require_feedback_subject before insert on public.agent_feedback
  for each row execute function private.require_feedback_subject();

-- Users change only rating, comment and correction: the subjects become null only through their
-- foreign keys (ON DELETE SET NULL), in whatever order the deletions cascade.
create function private.drop_feedback_without_subject() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.agent_feedback f where f.id = new.id;
  return null;
end $$;
comment on function private.drop_feedback_without_subject() is 'AFTER UPDATE on agent_feedback, when agent, run, call and message are all gone: deletes the feedback.';
revoke all on function private.drop_feedback_without_subject() from public;
create trigger drop_feedback_without_subject after update on public.agent_feedback
  for each row when (num_nonnulls(new.agent_id, new.run_id, new.query_id, new.chat_message_id) = 0)
  execute function private.drop_feedback_without_subject();
