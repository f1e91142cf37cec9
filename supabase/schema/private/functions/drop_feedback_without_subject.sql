CREATE OR REPLACE FUNCTION private.drop_feedback_without_subject()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.agent_feedback f where f.id = new.id;
  return null;
end $function$;
comment on function private.drop_feedback_without_subject() is 'AFTER UPDATE on agent_feedback, when agent, run, call and message are all gone: deletes the feedback.';
