CREATE OR REPLACE FUNCTION private.apply_survey_deltas(p_workspace_ids uuid[], p_question uuid[], p_answers text[], p_sign integer[], p_responded_at timestamp with time zone[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  with x as (
    select u.ws, u.q, u.answers::text[] as answers, u.sign, u.at
    from unnest(p_workspace_ids, p_question, p_answers, p_sign, p_responded_at) as u (ws, q, answers, sign, at)
    where exists (select 1 from public.survey_questions q where q.id = u.q)
  ), d as (
    select x.ws, x.q, a.answer, sum(x.sign)::integer as n
    from x cross join lateral (select distinct unnest(x.answers) as answer) a
    group by 1, 2, 3 having sum(x.sign) <> 0
  ), upd as (
    update public.survey_answer_counts c set responses = c.responses + d.n
    from d where c.question_id = d.q and c.workspace_id = d.ws and c.answer = d.answer and c.responses + d.n > 0
    returning c.question_id, c.answer
  ), gone as (
    delete from public.survey_answer_counts c using d
    where c.question_id = d.q and c.workspace_id = d.ws and c.answer = d.answer and c.responses + d.n = 0
    returning c.question_id, c.answer
  ), ins as (
    insert into public.survey_answer_counts as c (workspace_id, question_id, answer, responses)
    select d.ws, d.q, d.answer, d.n from d
    where not exists (select 1 from upd u where u.question_id = d.q and u.answer = d.answer)
      and not exists (select 1 from gone g where g.question_id = d.q and g.answer = d.answer)
    order by d.q, d.answer
    on conflict (question_id, workspace_id, answer) do update set responses = c.responses + excluded.responses
  )
  update public.survey_questions q set
    response_count = q.response_count + t.n,
    last_response_at = greatest(q.last_response_at, t.latest)
  from (select x.q, sum(x.sign)::integer as n, max(x.at) filter (where x.sign > 0) as latest from x group by x.q) t
  where q.id = t.q and (t.n <> 0 or t.latest > coalesce(q.last_response_at, '-infinity'));
end $function$;
comment on function private.apply_survey_deltas(uuid[],uuid[],text[],integer[],timestamp with time zone[]) is 'Adds signed per-response contributions to survey_answer_counts and survey_questions.response_count (used by the survey_responses triggers).';
