create table public.survey_responses (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  question_id uuid not null,
  source text default 'fairing'::text not null,
  external_id text not null,
  answers text[] default '{}'::text[] not null,
  other_text text,
  order_id uuid,
  shopify_order_id text,
  customer_id uuid,
  responded_at timestamp with time zone not null,
  created_at timestamp with time zone default now() not null,
  constraint "survey_responses_pkey" PRIMARY KEY (id),
  constraint "survey_responses_answers_count" CHECK ((cardinality(answers) <= 50)),
  constraint "survey_responses_customer_id_fkey" FOREIGN KEY (customer_id, workspace_id) REFERENCES public.customers(id, workspace_id) ON DELETE SET NULL (customer_id),
  constraint "survey_responses_external_id_check" CHECK (((char_length(external_id) >= 1) AND (char_length(external_id) <= 128))),
  constraint "survey_responses_other_text_length" CHECK ((char_length(other_text) <= 5000)),
  constraint "survey_responses_shopify_order_id_check" CHECK ((char_length(shopify_order_id) <= 64)),
  constraint "survey_responses_source_check" CHECK ((source ~ '^[a-z0-9_-]{1,32}$'::text)),
  constraint "survey_responses_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "survey_responses_workspace_id_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE SET NULL (order_id),
  constraint "survey_responses_workspace_id_question_id_fkey" FOREIGN KEY (question_id, workspace_id) REFERENCES public.survey_questions(id, workspace_id) ON DELETE CASCADE,
  constraint "survey_responses_workspace_id_source_external_id_key" UNIQUE (workspace_id, source, external_id)
);
comment on table public.survey_responses is 'One customer''s answer to one survey question, usually right after purchase. Written by public.import_survey (idempotent by source and external_id); read newest first (survey_feed).';
comment on column public.survey_responses.answers is 'The options chosen (one for single choice, several for multiple choice, the number for rating); each counts once in survey_answer_counts.';
comment on column public.survey_responses.other_text is 'Free text: the answer to a free-text question, or the "other" field of a choice question.';
comment on column public.survey_responses.order_id is 'The order the survey followed, when it is in orders.';
comment on column public.survey_responses.customer_id is 'The customer, matched by Shopify customer id or email hash when known.';
comment on column public.survey_responses.responded_at is 'When the customer answered; the feed''s order.';

alter table public.survey_responses enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.survey_responses to service_role;
grant select, delete on public.survey_responses to authenticated;
alter publication supabase_realtime add table public.survey_responses;

CREATE INDEX survey_responses_customer_id_workspace_id_idx ON public.survey_responses USING btree (customer_id, workspace_id);
CREATE INDEX survey_responses_feed_idx ON public.survey_responses USING btree (workspace_id, responded_at DESC, id DESC);
CREATE INDEX survey_responses_order_idx ON public.survey_responses USING btree (order_id, workspace_id);
CREATE INDEX survey_responses_question_idx ON public.survey_responses USING btree (question_id, workspace_id, responded_at DESC);
CREATE INDEX survey_responses_unlinked_order_idx ON public.survey_responses USING btree (workspace_id, shopify_order_id) WHERE ((order_id IS NULL) AND (shopify_order_id IS NOT NULL));

create policy "members add" on public.survey_responses for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.survey_responses for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.survey_responses for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.survey_responses for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.survey_responses FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER survey_counts_on_delete AFTER DELETE ON public.survey_responses REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION private.survey_counts_on_rows();
CREATE TRIGGER survey_counts_on_insert AFTER INSERT ON public.survey_responses REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION private.survey_counts_on_rows();
CREATE TRIGGER survey_counts_on_update AFTER UPDATE OF answers, question_id ON public.survey_responses FOR EACH ROW WHEN (((old.answers IS DISTINCT FROM new.answers) OR (old.question_id IS DISTINCT FROM new.question_id))) EXECUTE FUNCTION private.survey_counts_on_update();
