CREATE OR REPLACE FUNCTION private.survey_import_problem(p_what text, p_response jsonb)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if jsonb_typeof(p_response) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(jsonb_typeof(p_response -> 'id'), '') not in ('string', 'number') or char_length(p_response ->> 'id') not between 1 and 128 then
    return 'id: is required (at most 128 characters)';
  end if;
  if p_what = 'question' then
    if p_response ->> 'prompt' is null or char_length(btrim(p_response ->> 'prompt')) not between 1 and 1000 then
      return 'prompt: is required (at most 1000 characters)';
    end if;
    if p_response ->> 'kind' is not null and not (p_response ->> 'kind' = any (enum_range(null::public.survey_question_kind)::text[])) then
      return 'kind: is not one of single_choice, multiple_choice, free_text, rating';
    end if;
    if p_response -> 'options' is not null and (jsonb_typeof(p_response -> 'options') <> 'array' or jsonb_array_length(p_response -> 'options') > 100
       or exists (select 1 from jsonb_array_elements(p_response -> 'options') e where jsonb_typeof(e) <> 'string' or char_length(e #>> '{}') > 500)) then
      return 'options: must be an array of at most 100 strings of at most 500 characters';
    end if;
    if p_response -> 'active' is not null and jsonb_typeof(p_response -> 'active') <> 'boolean' then
      return 'active: must be true or false';
    end if;
    if p_response -> 'position' is not null and not private.is_whole_number(p_response -> 'position') then
      return 'position: must be a whole number';
    end if;
    return null;
  end if;
  if coalesce(jsonb_typeof(p_response -> 'question_id'), '') not in ('string', 'number') then
    return 'question_id: is required (the question''s id in the survey tool)';
  end if;
  if p_response -> 'answers' is not null and (jsonb_typeof(p_response -> 'answers') <> 'array' or jsonb_array_length(p_response -> 'answers') > 50
     or exists (select 1 from jsonb_array_elements(p_response -> 'answers') e where jsonb_typeof(e) not in ('string', 'number')
                or char_length(e #>> '{}') not between 1 and 500)) then
    return 'answers: must be an array of at most 50 answers of 1-500 characters';
  end if;
  if char_length(p_response ->> 'other_text') > 5000 then
    return 'other_text: may be at most 5000 characters';
  end if;
  if p_response ->> 'responded_at' is null or not private.is_timestamptz(p_response ->> 'responded_at') then
    return 'responded_at: is required and must be a timestamp';
  end if;
  if char_length(p_response ->> 'shopify_order_id') > 64 then
    return 'shopify_order_id: may be at most 64 characters';
  end if;
  return null;
end $function$;
comment on function private.survey_import_problem(text,jsonb) is 'Validates one question or response of import_survey''s payload; returns ''field: reason'' or null.';
grant execute on function private.survey_import_problem(text,jsonb) to authenticated;
grant execute on function private.survey_import_problem(text,jsonb) to service_role;
