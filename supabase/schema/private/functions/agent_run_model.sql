CREATE OR REPLACE FUNCTION private.agent_run_model(p_agent public.agents, p_override text)
 RETURNS public.ai_models
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select m.* from public.ai_models m
  where case when p_override is not null then m.model = p_override
             when p_agent.model_id is not null then m.id = p_agent.model_id
             else m.provider = 'openai' and m.model_type = 'flagship' and m.is_default end
  order by m.is_active desc, m.provider = 'openai' desc
  limit 1
$function$;
comment on function private.agent_run_model(public.agents,text) is 'The registry model a run calls: the deployment''s AGENT_MODEL when set, else the agent''s model, else the default openai flagship. A model outside the registry has no prices and is never used.';
