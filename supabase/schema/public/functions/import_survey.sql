CREATE OR REPLACE FUNCTION public.import_survey(p_workspace_id uuid, p_questions jsonb DEFAULT '[]'::jsonb, p_responses jsonb DEFAULT '[]'::jsonb, p_cursor text DEFAULT NULL::text, p_source text DEFAULT 'fairing'::text)
 RETURNS TABLE(questions_upserted integer, responses_inserted integer, responses_updated integer, responses_unchanged integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_source is null or p_source !~ '^[a-z0-9_-]{1,32}$' then
    raise exception 'p_source must be 1-32 lowercase letters, digits, _ or -' using errcode = '22023';
  end if;
  if jsonb_typeof(coalesce(p_questions, '[]')) <> 'array' or jsonb_typeof(coalesce(p_responses, '[]')) <> 'array' then
    raise exception 'p_questions and p_responses must be JSON arrays' using errcode = '22023';
  end if;
  if char_length(p_cursor) > 1000 then
    raise exception 'p_cursor may be at most 1000 characters' using errcode = '22023';
  end if;
  perform private.require_batch_size('questions', jsonb_array_length(coalesce(p_questions, '[]')), 100);
  perform private.require_batch_size('responses', jsonb_array_length(coalesce(p_responses, '[]')), 1000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(coalesce(p_questions, '[]')) with ordinality e loop
    problem := private.survey_import_problem('question', o);
    if problem is not null then
      raise exception 'questions[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(coalesce(p_responses, '[]')) with ordinality e loop
    problem := private.survey_import_problem('response', o);
    if problem is not null then
      raise exception 'responses[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select btrim(e.value ->> 'id') into dup from jsonb_array_elements(coalesce(p_questions, '[]')) e
  group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'questions: id % appears more than once in the batch', dup using errcode = '22023';
  end if;
  select btrim(e.value ->> 'id') into dup from jsonb_array_elements(coalesce(p_responses, '[]')) e
  group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'responses: id % appears more than once in the batch', dup using errcode = '22023';
  end if;
  return query select * from private.import_survey(p_workspace_id, p_source, coalesce(p_questions, '[]'),
                                                   coalesce(p_responses, '[]'), p_cursor);
end $function$;
comment on function public.import_survey(uuid,jsonb,jsonb,text,text) is 'Members and service_role (the survey sync): upsert up to 100 questions {id, prompt, kind, options, active, position} and up to 1000 responses {id, question_id, answers[], other_text, shopify_order_id, shopify_customer_id, email, responded_at}, and remember p_cursor. Idempotent. 22023 names the first bad row and field (or an unknown question); PT413 over the caps.';
grant execute on function public.import_survey(uuid,jsonb,jsonb,text,text) to authenticated;
grant execute on function public.import_survey(uuid,jsonb,jsonb,text,text) to service_role;
