CREATE OR REPLACE FUNCTION private.start_chat_turn(p_session_id uuid, p_user_id uuid, p_content text, p_lease_seconds integer DEFAULT 180, p_model_override text DEFAULT NULL::text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.chat_sessions;
  a public.agents;
  m public.ai_models;
  msg_id bigint;
  run_id uuid;
  problem text;
begin
  if p_content is null or btrim(p_content) = '' or char_length(p_content) > 20000 then
    raise exception 'a message needs 1 to 20000 characters' using errcode = '22023';
  end if;
  select * into s from public.chat_sessions x where x.id = p_session_id and x.user_id = p_user_id;
  if not found or not exists (select 1 from public.workspace_members w where w.workspace_id = s.workspace_id and w.user_id = p_user_id) then
    raise exception 'no chat session %', p_session_id using errcode = 'PT404';
  end if;
  select * into a from public.agents x
  where x.workspace_id = s.workspace_id and x.id = coalesce(s.agent_id, (private.agent_settings_for(s.workspace_id)).chat_agent_id);
  if not found then
    raise exception 'the session names no agent and the workspace has no chat agent (agent_settings.chat_agent_id)' using errcode = 'PT409';
  end if;
  if a.status <> 'active' then
    raise exception 'agent % is %', a.name, a.status using errcode = 'PT409';
  end if;
  problem := private.ai_budget_problem(s.workspace_id);
  if problem is not null then
    raise exception '%', problem using errcode = 'PT402';
  end if;
  m := private.agent_run_model(a, p_model_override);
  if m.id is null then
    raise exception 'the model % is not in the model registry (it has no prices)', coalesce(p_model_override, 'of this agent')
      using errcode = 'PT409';
  end if;
  insert into public.chat_messages (workspace_id, session_id, role, content)
  values (s.workspace_id, s.id, 'user', p_content) returning id into msg_id;
  insert into public.agent_runs (workspace_id, agent_id, trigger, triggered_by, kind, chat_session_id, input)
  values (s.workspace_id, a.id, 'manual', p_user_id, 'chat', s.id, jsonb_build_object('message_id', msg_id))
  returning id into run_id;
  update public.agent_runs set status = 'running', acting_user_id = p_user_id, model = m.model, model_id = m.id,
    lease_expires_at = now() + make_interval(secs => p_lease_seconds)
  where id = run_id;
  return jsonb_build_object('run_id', run_id, 'workspace_id', s.workspace_id, 'agent_id', a.id, 'message_id', msg_id,
    'model', m.model, 'model_id', m.id, 'provider', m.provider,
    'history', coalesce((select jsonb_agg(jsonb_build_object('role', h.role, 'content', h.content) order by h.id)
                         from (select x.id, x.role, x.content from public.chat_messages x
                               where x.workspace_id = s.workspace_id and x.session_id = s.id and x.id < msg_id
                                 and x.role in ('user', 'assistant')
                               order by x.id desc limit 20) h), '[]'));
end $function$;
comment on function private.start_chat_turn(uuid,uuid,text,integer,text) is 'The agent-chat function, for a signed-in user who owns the session and is a member: stores their message and starts a chat run of the session''s agent (else agent_settings.chat_agent_id); returns the run, the model and the last 20 messages. 404 not theirs, 409 no agent or inactive, 402 budget spent.';
grant execute on function private.start_chat_turn(uuid,uuid,text,integer,text) to service_role;
