create view public.survey_feed with (security_invoker=true) as
 SELECT r.id,
    r.workspace_id,
    r.responded_at,
    r.question_id,
    q.prompt AS question_prompt,
    q.kind AS question_kind,
    r.answers,
    r.other_text,
    r.order_id,
    r.shopify_order_id,
    r.customer_id
   FROM public.survey_responses r
     JOIN public.survey_questions q ON q.id = r.question_id;
comment on view public.survey_feed is 'Survey responses with their question, for the newest-first feed: order by responded_at desc, id desc (indexed). Runs with the caller''s rights, so RLS applies.';
grant insert, select, update, delete, truncate, references, trigger on public.survey_feed to service_role;
grant select on public.survey_feed to authenticated;
