CREATE OR REPLACE FUNCTION private.import_survey(p_workspace_id uuid, p_source text, p_questions jsonb, p_responses jsonb, p_cursor text)
 RETURNS TABLE(questions_upserted integer, responses_inserted integer, responses_updated integer, responses_unchanged integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
declare
  nq integer;
  ni integer;
  nu integer;
  missing text;
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  with up as (
    insert into public.survey_questions as q (workspace_id, source, external_id, prompt, kind, options, active, position)
    select p_workspace_id, p_source, btrim(o ->> 'id'), btrim(o ->> 'prompt'),
           coalesce((o ->> 'kind')::public.survey_question_kind, 'single_choice'),
           coalesce(array(select e from jsonb_array_elements_text(o -> 'options') e), '{}'),
           coalesce((o ->> 'active')::boolean, true), coalesce((o ->> 'position')::integer, 0)
    from jsonb_array_elements(p_questions) o
    order by btrim(o ->> 'id')
    on conflict (workspace_id, source, external_id) do update set
      prompt = excluded.prompt, kind = excluded.kind, options = excluded.options
    where (q.prompt, q.kind, q.options) is distinct from (excluded.prompt, excluded.kind, excluded.options)
    returning 1
  )
  select count(*) into nq from up;

  select o ->> 'question_id' into missing
  from jsonb_array_elements(p_responses) o
  where not exists (select 1 from public.survey_questions q
                    where q.workspace_id = p_workspace_id and q.source = p_source and q.external_id = btrim(o ->> 'question_id'))
  limit 1;
  if missing is not null then
    raise exception 'responses: question % is unknown; send it in p_questions', missing using errcode = '22023';
  end if;

  with src as (
    select q.id as question_id, btrim(o ->> 'id') as external_id,
           coalesce(array(select e from jsonb_array_elements_text(o -> 'answers') e), '{}') as answers,
           nullif(btrim(o ->> 'other_text'), '') as other_text,
           nullif(btrim(o ->> 'shopify_order_id'), '') as shopify_order_id,
           (o ->> 'responded_at')::timestamptz as responded_at,
           nullif(btrim(o ->> 'shopify_customer_id'), '') as shopify_customer_id,
           private.email_sha256(o ->> 'email') as email_sha256
    from jsonb_array_elements(p_responses) o
    join public.survey_questions q on q.workspace_id = p_workspace_id and q.source = p_source
                                  and q.external_id = btrim(o ->> 'question_id')
  ), up as (
    insert into public.survey_responses as r (workspace_id, question_id, source, external_id, answers, other_text, order_id,
                                              shopify_order_id, customer_id, responded_at)
    select p_workspace_id, s.question_id, p_source, s.external_id, s.answers, s.other_text,
           (select o.id from public.orders o where o.workspace_id = p_workspace_id and o.shopify_order_id = s.shopify_order_id),
           s.shopify_order_id,
           coalesce((select c.id from public.customers c where c.workspace_id = p_workspace_id
                     and c.shopify_customer_id = s.shopify_customer_id),
                    (select c.id from public.customers c where c.workspace_id = p_workspace_id
                     and c.email_sha256 = s.email_sha256 order by c.created_at limit 1)),
           s.responded_at
    from src s
    order by s.external_id
    on conflict (workspace_id, source, external_id) do update set
      question_id = excluded.question_id, answers = excluded.answers, other_text = excluded.other_text,
      order_id = coalesce(excluded.order_id, r.order_id), shopify_order_id = excluded.shopify_order_id,
      customer_id = coalesce(excluded.customer_id, r.customer_id), responded_at = excluded.responded_at
    where (r.question_id, r.answers, r.other_text, r.shopify_order_id, r.responded_at)
          is distinct from (excluded.question_id, excluded.answers, excluded.other_text, excluded.shopify_order_id,
                            excluded.responded_at)
       or (excluded.order_id is not null and r.order_id is null)
       or (excluded.customer_id is not null and r.customer_id is null)
    returning (r.xmax = 0) as was_insert
  )
  select count(*) filter (where was_insert), count(*) filter (where not was_insert) into ni, nu from up;

  insert into public.survey_sync_state as s (workspace_id, source, cursor, last_synced_at, last_response_at, responses_synced)
  values (p_workspace_id, p_source, p_cursor, now(),
          (select max((o ->> 'responded_at')::timestamptz) from jsonb_array_elements(p_responses) o), ni)
  on conflict (workspace_id, source) do update set
    cursor = coalesce(excluded.cursor, s.cursor), last_synced_at = excluded.last_synced_at,
    last_response_at = greatest(s.last_response_at, excluded.last_response_at),
    responses_synced = s.responses_synced + excluded.responses_synced;

  return query select nq, ni, nu, jsonb_array_length(p_responses) - ni - nu;
end $function$;
comment on function private.import_survey(uuid,text,jsonb,jsonb,text) is 'Definer half of public.import_survey: upserts questions, then responses (idempotent by source and external id), then the sync state.';
grant execute on function private.import_survey(uuid,text,jsonb,jsonb,text) to authenticated;
grant execute on function private.import_survey(uuid,text,jsonb,jsonb,text) to service_role;
