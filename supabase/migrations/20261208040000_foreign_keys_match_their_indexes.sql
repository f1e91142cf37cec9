-- Nine tenant foreign keys of the reviews, surveys and support domains were declared as
-- (workspace_id, <parent>_id) while their indexes lead with (<parent>_id, workspace_id): the same
-- set of columns, but Supabase's advisor (unindexed_foreign_keys) compares the key's columns in
-- order, and a lookup by the key's first column alone cannot use the index. The keys are declared
-- again in the index's order, referencing the parent's (id, workspace_id) unique key (PostgreSQL
-- matches a referenced unique key by its set of columns); names, actions and meaning are unchanged.

alter table public.reviews
  drop constraint reviews_workspace_id_order_id_fkey,
  add constraint reviews_workspace_id_order_id_fkey foreign key (order_id, workspace_id)
    references public.orders (id, workspace_id) on delete set null (order_id),
  drop constraint reviews_workspace_id_review_request_id_fkey,
  add constraint reviews_workspace_id_review_request_id_fkey foreign key (review_request_id, workspace_id)
    references public.review_requests (id, workspace_id) on delete set null (review_request_id);

alter table public.review_requests
  drop constraint review_requests_workspace_id_order_id_fkey,
  add constraint review_requests_workspace_id_order_id_fkey foreign key (order_id, workspace_id)
    references public.orders (id, workspace_id) on delete cascade;

alter table public.review_votes
  drop constraint review_votes_workspace_id_review_id_fkey,
  add constraint review_votes_workspace_id_review_id_fkey foreign key (review_id, workspace_id)
    references public.reviews (id, workspace_id) on delete cascade;

alter table public.review_responses
  drop constraint review_responses_workspace_id_review_id_fkey,
  add constraint review_responses_workspace_id_review_id_fkey foreign key (review_id, workspace_id)
    references public.reviews (id, workspace_id) on delete cascade;

alter table public.review_media
  drop constraint review_media_workspace_id_review_id_fkey,
  add constraint review_media_workspace_id_review_id_fkey foreign key (review_id, workspace_id)
    references public.reviews (id, workspace_id) on delete cascade;

alter table public.support_tickets
  drop constraint support_tickets_workspace_id_order_id_fkey,
  add constraint support_tickets_workspace_id_order_id_fkey foreign key (order_id, workspace_id)
    references public.orders (id, workspace_id) on delete set null (order_id);

alter table public.survey_responses
  drop constraint survey_responses_workspace_id_order_id_fkey,
  add constraint survey_responses_workspace_id_order_id_fkey foreign key (order_id, workspace_id)
    references public.orders (id, workspace_id) on delete set null (order_id),
  drop constraint survey_responses_workspace_id_question_id_fkey,
  add constraint survey_responses_workspace_id_question_id_fkey foreign key (question_id, workspace_id)
    references public.survey_questions (id, workspace_id) on delete cascade;
