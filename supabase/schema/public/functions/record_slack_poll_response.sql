CREATE OR REPLACE FUNCTION public.record_slack_poll_response(p_workspace_id uuid, p_poll_id text, p_slack_user_id text, p_option integer)
 RETURNS jsonb
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  p public.slack_poll_states;
begin
  if p_slack_user_id is null or p_slack_user_id !~ '^[A-Z0-9]{2,32}$' then
    raise exception 'a Slack user id like U123ABC is required' using errcode = '22023';
  end if;
  select * into p from public.slack_poll_states where workspace_id = p_workspace_id and poll_id = p_poll_id for update;
  if not found then
    raise exception 'no such poll' using errcode = 'PT404';
  end if;
  if p.closed_at is not null or (p.closes_at is not null and p.closes_at <= now()) then
    raise exception 'the poll is closed' using errcode = 'PT409';
  end if;
  if p_option is null or p_option < 0 or p_option >= cardinality(p.options) then
    raise exception 'option must be between 0 and %', cardinality(p.options) - 1 using errcode = '22023';
  end if;
  update public.slack_poll_states set responses = responses || jsonb_build_object(p_slack_user_id, p_option)
  where id = p.id returning responses into p.responses;
  return p.responses;
end $function$;
comment on function public.record_slack_poll_response(uuid,text,text,integer) is 'Assistant (service role): records a Slack user''s answer to an open poll; returns all answers. 22023 bad option, PT404 unknown poll, PT409 closed.';
grant execute on function public.record_slack_poll_response(uuid,text,text,integer) to service_role;
