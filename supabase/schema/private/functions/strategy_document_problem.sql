CREATE OR REPLACE FUNCTION private.strategy_document_problem(p_kind public.strategy_document_kind, p_body jsonb)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  e record;
  extra text;
  stage_order constant text[] := array['awareness', 'engagement', 'conversion', 'retention'];
  last_stage integer := 0;
  pos integer;
begin
  if jsonb_typeof(p_body) is distinct from 'object' then
    return 'body: must be a JSON object';
  end if;
  if octet_length(p_body::text) > 262144 then
    return 'body: is larger than 256 kB';
  end if;

  if p_kind = 'brand_positioning' then
    extra := private.unknown_keys(p_body, array['positioning_statement', 'differentiators', 'three_cs', 'brand_tone', 'recommendations']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if not private.is_text(p_body -> 'positioning_statement') then
      return 'body.positioning_statement: is required (text up to 2000 characters)';
    end if;
    if not private.is_text_list(p_body -> 'differentiators', 1, 20) then
      return 'body.differentiators: give 1 to 20 differentiators as text';
    end if;
    if jsonb_typeof(p_body -> 'three_cs') is distinct from 'object' then
      return 'body.three_cs: is required: {"company": {...}, "customer": {...}, "competition": {...}}';
    end if;
    extra := private.unknown_keys(p_body -> 'three_cs', array['company', 'customer', 'competition']);
    if extra is not null then return 'body.three_cs: unknown keys ' || extra; end if;
    for e in select c from unnest(array['company', 'customer', 'competition']) c loop
      if jsonb_typeof(p_body -> 'three_cs' -> e.c) is distinct from 'object' or p_body -> 'three_cs' -> e.c = '{}'::jsonb then
        return format('body.three_cs.%s: is required and not empty', e.c);
      end if;
    end loop;
    if p_body ? 'brand_tone' then
      if jsonb_typeof(p_body -> 'brand_tone') <> 'object' then return 'body.brand_tone: must be an object'; end if;
      extra := private.unknown_keys(p_body -> 'brand_tone', array['voice', 'attributes']);
      if extra is not null then return 'body.brand_tone: unknown keys ' || extra; end if;
      if p_body -> 'brand_tone' ? 'voice' and not private.is_text(p_body -> 'brand_tone' -> 'voice') then
        return 'body.brand_tone.voice: must be text';
      end if;
      if p_body -> 'brand_tone' ? 'attributes' and not private.is_text_list(p_body -> 'brand_tone' -> 'attributes', 0, 20) then
        return 'body.brand_tone.attributes: at most 20 attributes as text';
      end if;
    end if;
    if p_body ? 'recommendations' and not private.is_text_list(p_body -> 'recommendations', 0, 50) then
      return 'body.recommendations: at most 50 recommendations as text';
    end if;

  elsif p_kind = 'funnel_design' then
    extra := private.unknown_keys(p_body, array['name', 'stages']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if p_body ? 'name' and not private.is_text(p_body -> 'name', 200) then return 'body.name: must be text up to 200 characters'; end if;
    if jsonb_typeof(p_body -> 'stages') is distinct from 'array' or jsonb_array_length(p_body -> 'stages') not between 1 and 4 then
      return 'body.stages: give 1 to 4 stages';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(p_body -> 'stages') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.stages[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['stage', 'goal', 'offers', 'channels', 'automation_tasks']);
      if extra is not null then return format('body.stages[%s]: unknown keys %s', e.i, extra); end if;
      pos := array_position(stage_order, e.v ->> 'stage');
      if pos is null then
        return format('body.stages[%s].stage: must be one of awareness, engagement, conversion, retention', e.i);
      end if;
      if pos <= last_stage then
        return format('body.stages[%s].stage: stages appear once each, in funnel order (awareness, engagement, conversion, retention)', e.i);
      end if;
      last_stage := pos;
      if not private.is_text(e.v -> 'goal') then return format('body.stages[%s].goal: is required text', e.i); end if;
      if e.v ? 'offers' and not private.is_text_list(e.v -> 'offers', 0, 20) then
        return format('body.stages[%s].offers: at most 20 offers as text', e.i);
      end if;
      if e.v ? 'channels' and not (private.is_text_list(e.v -> 'channels', 0, 15) and not exists (
          select 1 from jsonb_array_elements_text(e.v -> 'channels') ch
          where not (ch = any (enum_range(null::public.marketing_channel)::text[])))) then
        return format('body.stages[%s].channels: must be marketing channels (%s)', e.i,
                      array_to_string(enum_range(null::public.marketing_channel)::text[], ', '));
      end if;
      if e.v ? 'automation_tasks' and not private.is_text_list(e.v -> 'automation_tasks', 0, 20) then
        return format('body.stages[%s].automation_tasks: at most 20 tasks as text', e.i);
      end if;
    end loop;

  elsif p_kind = 'competitive_gap' then
    extra := private.unknown_keys(p_body, array['our_brand', 'competitors', 'gap_analysis', 'ownable_differentiator']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if not private.is_text(p_body -> 'our_brand', 200) then return 'body.our_brand: is required (text up to 200 characters)'; end if;
    if jsonb_typeof(p_body -> 'competitors') is distinct from 'array' or jsonb_array_length(p_body -> 'competitors') not between 1 and 20 then
      return 'body.competitors: give 1 to 20 competitors';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(p_body -> 'competitors') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.competitors[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['name', 'strengths', 'weaknesses']);
      if extra is not null then return format('body.competitors[%s]: unknown keys %s', e.i, extra); end if;
      if not private.is_text(e.v -> 'name', 200) then return format('body.competitors[%s].name: is required text', e.i); end if;
      if e.v ? 'strengths' and not private.is_text_list(e.v -> 'strengths', 0, 20) then
        return format('body.competitors[%s].strengths: at most 20 as text', e.i);
      end if;
      if e.v ? 'weaknesses' and not private.is_text_list(e.v -> 'weaknesses', 0, 20) then
        return format('body.competitors[%s].weaknesses: at most 20 as text', e.i);
      end if;
    end loop;
    if jsonb_typeof(p_body -> 'gap_analysis') is distinct from 'object' or p_body -> 'gap_analysis' = '{}'::jsonb then
      return 'body.gap_analysis: is required, with at least one of messaging, channels, audience, content';
    end if;
    extra := private.unknown_keys(p_body -> 'gap_analysis', array['messaging', 'channels', 'audience', 'content']);
    if extra is not null then return 'body.gap_analysis: unknown keys ' || extra; end if;
    for e in select g.key as k, g.value as v from jsonb_each(p_body -> 'gap_analysis') g loop
      if not private.is_text_list(e.v, 1, 20) then
        return format('body.gap_analysis.%s: give 1 to 20 gaps as text', e.k);
      end if;
    end loop;
    if not private.is_text(p_body -> 'ownable_differentiator') then
      return 'body.ownable_differentiator: is required text';
    end if;

  else -- kpi_framework
    extra := private.unknown_keys(p_body, array['campaign_name', 'channels', 'kpis']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if p_body ? 'campaign_name' and not private.is_text(p_body -> 'campaign_name', 200) then
      return 'body.campaign_name: must be text up to 200 characters';
    end if;
    if not private.is_text_list(p_body -> 'channels', 1, 20) then return 'body.channels: give 1 to 20 channels as text'; end if;
    if jsonb_typeof(p_body -> 'kpis') is distinct from 'array' or jsonb_array_length(p_body -> 'kpis') not between 1 and 50 then
      return 'body.kpis: give 1 to 50 KPIs';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(p_body -> 'kpis') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.kpis[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['name', 'metric', 'target', 'unit', 'frequency']);
      if extra is not null then return format('body.kpis[%s]: unknown keys %s', e.i, extra); end if;
      if not private.is_text(e.v -> 'name', 200) then return format('body.kpis[%s].name: is required text', e.i); end if;
      if not private.is_text(e.v -> 'metric', 200) then return format('body.kpis[%s].metric: is required text', e.i); end if;
      if jsonb_typeof(e.v -> 'target') is distinct from 'number' then
        return format('body.kpis[%s].target: is required and must be a number', e.i);
      end if;
      if e.v ? 'unit' and not private.is_text(e.v -> 'unit', 32) then
        return format('body.kpis[%s].unit: must be text up to 32 characters', e.i);
      end if;
      if coalesce(e.v ->> 'frequency', '') not in ('daily', 'weekly', 'monthly', 'quarterly') then
        return format('body.kpis[%s].frequency: must be daily, weekly, monthly or quarterly', e.i);
      end if;
    end loop;
    if (select count(distinct lower(k.value ->> 'name')) from jsonb_array_elements(p_body -> 'kpis') k) < jsonb_array_length(p_body -> 'kpis') then
      return 'body.kpis: KPI names must be unique';
    end if;
  end if;
  return null;
end $function$;
comment on function private.strategy_document_problem(public.strategy_document_kind,jsonb) is 'Validates a strategy document body for its kind (see the migration header); returns the first problem as readable text naming the path, or null.';
grant execute on function private.strategy_document_problem(public.strategy_document_kind,jsonb) to authenticated;
grant execute on function private.strategy_document_problem(public.strategy_document_kind,jsonb) to service_role;
