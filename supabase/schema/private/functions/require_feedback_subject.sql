CREATE OR REPLACE FUNCTION private.require_feedback_subject()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if num_nonnulls(new.agent_id, new.run_id, new.query_id, new.chat_message_id) = 0 then
    raise exception 'feedback is about an agent, run, call or message' using errcode = '23514',
      hint = 'set agent_id, run_id, query_id or chat_message_id';
  end if;
  return new;
end $function$;
comment on function private.require_feedback_subject() is 'BEFORE INSERT on agent_feedback: feedback names an agent, run, call or message (23514).';
