CREATE OR REPLACE FUNCTION private.store_agent_run_output(p_run public.agent_runs, p_output jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid := p_run.workspace_id;
  inp jsonb := p_run.input;
  new_id uuid;
  msg bigint;
  ids jsonb;
  q bigint;
begin
  case p_run.kind
  when 'task' then
    return '{}'::jsonb;
  when 'chat' then
    if not private.is_text(p_output -> 'content', 100000) then
      raise exception 'a chat answer needs content' using errcode = '22023';
    end if;
    select max(x.id) into q from public.agent_queries x where x.workspace_id = ws and x.run_id = p_run.id and x.status = 'succeeded';
    insert into public.chat_messages (workspace_id, session_id, role, content, query_id, metadata)
    values (ws, p_run.chat_session_id, 'assistant', p_output ->> 'content', q,
            jsonb_build_object('run_id', p_run.id, 'agent_id', p_run.agent_id,
              'citations', coalesce(p_output -> 'citations', '[]'), 'retrieved', coalesce(p_output -> 'retrieved', '[]')))
    returning id into msg;
    return jsonb_build_object('chat_message_id', msg);
  when 'ceo_briefing' then
    if not private.is_text(p_output -> 'executive_summary', 20000) then
      raise exception 'a briefing needs an executive_summary' using errcode = '22023';
    end if;
    insert into public.ceo_briefings (workspace_id, kind, period_start, period_end, executive_summary, key_metrics, insights,
      generation_model, model_id, generation_input_tokens, generation_output_tokens, run_id)
    values (ws, coalesce(inp ->> 'briefing_kind', 'daily')::public.briefing_kind, (inp ->> 'period_start')::date, (inp ->> 'period_end')::date,
            p_output ->> 'executive_summary', coalesce(inp -> 'facts', '{}'),
            case when jsonb_typeof(p_output -> 'insights') = 'array' then p_output -> 'insights' else '[]' end,
            p_run.model, p_run.model_id, least(p_run.input_tokens, 2147483647)::integer, least(p_run.output_tokens, 2147483647)::integer, p_run.id)
    on conflict (workspace_id, kind, period_end) do nothing
    returning id into new_id;
    return jsonb_build_object('ceo_briefing_id', new_id);
  when 'report_commentary' then
    if not private.is_text(p_output -> 'summary', 20000) then
      raise exception 'commentary needs a summary' using errcode = '22023';
    end if;
    update public.autopilot_weekly_reports w set ai_insights = jsonb_build_object('summary', p_output ->> 'summary',
        'highlights', coalesce(p_output -> 'highlights', '[]'), 'recommendations', coalesce(p_output -> 'recommendations', '[]'),
        'run_id', p_run.id, 'model', p_run.model, 'cost_micros', p_run.cost_micros, 'written_at', now()),
      commentary_run_id = p_run.id
    where w.workspace_id = ws and w.id = (inp ->> 'report_id')::uuid
    returning id into new_id;
    return jsonb_build_object('autopilot_weekly_report_id', new_id);
  when 'anomaly_insights' then
    if jsonb_typeof(p_output -> 'insights') <> 'array' or jsonb_array_length(p_output -> 'insights') not between 1 and 20 then
      raise exception 'insights: give 1 to 20' using errcode = '22023';
    end if;
    with ins as (
      insert into public.ai_insights (workspace_id, agent_id, kind, title, body, impact, confidence, metric, data, run_id)
      select ws, p_run.agent_id, coalesce(i ->> 'kind', 'anomaly')::public.insight_kind, left(i ->> 'title', 200), i ->> 'body',
             coalesce(i ->> 'impact', 'medium')::public.insight_impact, (i ->> 'confidence')::numeric, i ->> 'metric',
             coalesce(i -> 'data', '{}') || jsonb_build_object('inputs', inp -> 'facts'), p_run.id
      from jsonb_array_elements(p_output -> 'insights') i
      returning id
    )
    select jsonb_agg(id) into ids from ins;
    return jsonb_build_object('ai_insight_ids', ids);
  when 'campaign_prediction' then
    if jsonb_typeof(p_output -> 'predictions') <> 'array' or jsonb_array_length(p_output -> 'predictions') not between 1 and 100 then
      raise exception 'predictions: give 1 to 100' using errcode = '22023';
    end if;
    if exists (select 1 from jsonb_array_elements(p_output -> 'predictions') e
               where not coalesce(e ->> 'campaign_id' = any (array(select jsonb_array_elements_text(inp -> 'campaign_ids'))), false)) then
      raise exception 'predictions may only name the campaigns the run was given' using errcode = '22023';
    end if;
    with ins as (
      insert into public.campaign_predictions as c (workspace_id, campaign_id, metric, period_start, period_end, predicted_value,
        lower_bound, upper_bound, confidence, model, inputs, run_id)
      select ws, (e ->> 'campaign_id')::uuid, (e ->> 'metric')::public.prediction_metric, (inp ->> 'period_start')::date,
             (inp ->> 'period_end')::date, (e ->> 'predicted_value')::numeric, (e ->> 'lower_bound')::numeric,
             (e ->> 'upper_bound')::numeric, (e ->> 'confidence')::numeric, p_run.model,
             jsonb_build_object('run_id', p_run.id, 'history', inp -> 'facts'), p_run.id
      from jsonb_array_elements(p_output -> 'predictions') e
      on conflict (campaign_id, metric, period_start, period_end) do update set
        predicted_value = excluded.predicted_value, lower_bound = excluded.lower_bound, upper_bound = excluded.upper_bound,
        confidence = excluded.confidence, model = excluded.model, inputs = excluded.inputs, run_id = excluded.run_id
      returning c.id
    )
    select jsonb_agg(id) into ids from ins;
    return jsonb_build_object('campaign_prediction_ids', ids);
  when 'generated_content' then
    if not private.is_text(p_output -> 'body', 50000) then
      raise exception 'generated content needs a body' using errcode = '22023';
    end if;
    insert into public.generated_content (workspace_id, campaign_id, content_type, channel, title, body, prompt, model,
      cost_micros, metadata, run_id)
    select ws, c.campaign_id, c.content_type, c.channel, left(coalesce(p_output ->> 'title', c.title), 300), p_output ->> 'body',
           left(inp ->> 'brief', 20000), p_run.model, p_run.cost_micros,
           jsonb_build_object('content_calendar_id', c.id, 'run_id', p_run.id), p_run.id
    from public.content_calendar c where c.workspace_id = ws and c.id = (inp ->> 'content_calendar_id')::uuid
    returning id into new_id;
    if new_id is null then
      raise exception 'the calendar entry is gone' using errcode = '22023';
    end if;
    update public.content_calendar set generated_content_id = new_id
    where workspace_id = ws and id = (inp ->> 'content_calendar_id')::uuid and generated_content_id is null;
    return jsonb_build_object('generated_content_id', new_id);
  end case;
  return '{}'::jsonb;
end $function$;
comment on function private.store_agent_run_output(public.agent_runs,jsonb) is 'Stores a succeeded run''s output where its kind goes, pointing back at the run: a chat answer (with its cited chunk ids), a CEO briefing (priced from the registry), weekly report commentary, insights, campaign predictions (only for the campaigns the run was given), or generated content linked to its calendar entry. Raises 22023 for output of the wrong shape.';
